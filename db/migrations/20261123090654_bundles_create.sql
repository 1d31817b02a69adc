CREATE TABLE "bundle_cases" (
	"case_id" uuid PRIMARY KEY NOT NULL,
	"definition_code" text NOT NULL,
	"channel" text NOT NULL,
	"site_org_id" uuid,
	"counter_id" uuid,
	"assisted_by" text,
	"applicant_kind" text NOT NULL,
	"applicant_id_last4" text NOT NULL,
	"form_enc" text NOT NULL,
	"materials" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"division_code" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
ALTER TABLE "bundle_cases" ADD CONSTRAINT "bundle_cases_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "bundle_cases_created_idx" ON "bundle_cases" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "bundle_cases_definition_idx" ON "bundle_cases" USING btree ("definition_code");