CREATE TABLE "annual_report_versions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"content" jsonb NOT NULL,
	"note" text NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"division_code" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "annual_reports" (
	"case_id" uuid PRIMARY KEY NOT NULL,
	"year" integer NOT NULL,
	"subject_kind" text NOT NULL,
	"subject_org_id" uuid,
	"subject_division_code" text NOT NULL,
	"subject_name" text NOT NULL,
	"template" text NOT NULL,
	"content" jsonb NOT NULL,
	"content_version" integer DEFAULT 1 NOT NULL,
	"generated_at" timestamp with time zone,
	"division_code" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "annual_report_versions" ADD CONSTRAINT "annual_report_versions_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "annual_reports" ADD CONSTRAINT "annual_reports_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "annual_report_versions_case_idx" ON "annual_report_versions" USING btree ("case_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "annual_reports_subject_year_uq" ON "annual_reports" USING btree ("subject_kind","subject_division_code","subject_org_id","year");