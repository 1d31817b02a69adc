CREATE TABLE "normative_cleanups" (
	"case_id" uuid NOT NULL,
	"campaign" text NOT NULL,
	"outcome" text NOT NULL,
	"reason" text,
	"decided_on" date NOT NULL,
	"division_code" text NOT NULL,
	"sort" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "normative_docs" (
	"case_id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"division_code" text NOT NULL,
	"affects_market" boolean NOT NULL,
	"summary" text NOT NULL,
	"legality_reviewed_on" date,
	"legality_passed" boolean,
	"doc_no" text,
	"published_on" date,
	"filing_due" date,
	"filed_on" date,
	"valid_until" date,
	"ended_on" date,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "normative_cleanups_campaign_idx" ON "normative_cleanups" USING btree ("division_code","campaign");--> statement-breakpoint
CREATE INDEX "normative_docs_division_idx" ON "normative_docs" USING btree ("division_code","published_on");