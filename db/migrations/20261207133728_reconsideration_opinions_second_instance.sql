CREATE TABLE "reconsideration_opinions" (
	"case_id" uuid PRIMARY KEY NOT NULL,
	"reconsideration_case_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"org_id" uuid NOT NULL,
	"division_code" text NOT NULL,
	"issued_on" date NOT NULL,
	"problems" text NOT NULL,
	"suggestions" text NOT NULL,
	"rectification" text,
	"measures" text,
	"replied_on" date,
	"created_at" timestamp with time zone NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
ALTER TABLE "litigation_judgments" ADD COLUMN "served_on" date;--> statement-breakpoint
ALTER TABLE "litigation_suits" ADD COLUMN "second_court" text;--> statement-breakpoint
ALTER TABLE "litigation_suits" ADD COLUMN "second_case_no" text;--> statement-breakpoint
CREATE INDEX "reconsideration_opinions_case_idx" ON "reconsideration_opinions" USING btree ("reconsideration_case_id");--> statement-breakpoint
CREATE INDEX "reconsideration_opinions_issued_idx" ON "reconsideration_opinions" USING btree ("division_code","issued_on");