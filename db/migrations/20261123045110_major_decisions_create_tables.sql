CREATE TABLE "major_decisions" (
	"case_id" uuid PRIMARY KEY NOT NULL,
	"year" integer NOT NULL,
	"drafting_org_id" uuid NOT NULL,
	"party_approved_on" date NOT NULL,
	"needs_participation" boolean NOT NULL,
	"needs_expert" boolean NOT NULL,
	"needs_risk" boolean NOT NULL,
	"legality_passed_on" date,
	"decided_on" date,
	"result" text,
	"dissent" text,
	"published_on" date,
	"division_code" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "major_decisions_year_idx" ON "major_decisions" USING btree ("division_code","year");