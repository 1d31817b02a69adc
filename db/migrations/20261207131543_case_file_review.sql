CREATE TABLE "cfr_campaigns" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"division_code" text NOT NULL,
	"year" integer NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"files_per_org" integer NOT NULL,
	"sheet" jsonb NOT NULL,
	"plan" text,
	"start_on" date NOT NULL,
	"end_on" date NOT NULL,
	"seed" integer,
	"sampled_on" date,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cfr_files" (
	"id" uuid PRIMARY KEY NOT NULL,
	"campaign_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"division_code" text NOT NULL,
	"source" text NOT NULL,
	"penalty_case_id" uuid,
	"file_no" text NOT NULL,
	"title" text NOT NULL,
	"party_name" text,
	"decided_on" date,
	"precheck" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"deductions" jsonb,
	"vetoes" jsonb,
	"score" integer,
	"vetoed" boolean,
	"grade" text,
	"comment" text,
	"reviewer_name" text,
	"reviewed_on" date,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cfr_measures" (
	"id" uuid PRIMARY KEY NOT NULL,
	"campaign_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"org_id" uuid NOT NULL,
	"division_code" text NOT NULL,
	"person_name" text NOT NULL,
	"post" text NOT NULL,
	"on_date" date NOT NULL,
	"basis" text NOT NULL,
	"outcome" text,
	"recorded_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cfr_problems" (
	"id" uuid PRIMARY KEY NOT NULL,
	"campaign_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"division_code" text NOT NULL,
	"item_key" text NOT NULL,
	"item_label" text NOT NULL,
	"note" text NOT NULL,
	"found_on" date NOT NULL,
	"rectification_id" uuid,
	"fixed_on" date,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cfr_rectifications" (
	"case_id" uuid PRIMARY KEY NOT NULL,
	"campaign_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"division_code" text NOT NULL,
	"issued_on" date NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cfr_units" (
	"campaign_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"division_code" text NOT NULL,
	"candidates" integer,
	"drawn" integer,
	"sampled_on" date,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "cfr_campaigns_div_idx" ON "cfr_campaigns" USING btree ("division_code","year");--> statement-breakpoint
CREATE UNIQUE INDEX "cfr_files_no_idx" ON "cfr_files" USING btree ("campaign_id","org_id","file_no");--> statement-breakpoint
CREATE INDEX "cfr_files_campaign_idx" ON "cfr_files" USING btree ("campaign_id");--> statement-breakpoint
CREATE INDEX "cfr_files_reviewed_idx" ON "cfr_files" USING btree ("division_code","reviewed_on");--> statement-breakpoint
CREATE INDEX "cfr_measures_idx" ON "cfr_measures" USING btree ("division_code","kind","on_date");--> statement-breakpoint
CREATE INDEX "cfr_measures_campaign_idx" ON "cfr_measures" USING btree ("campaign_id");--> statement-breakpoint
CREATE UNIQUE INDEX "cfr_measures_once_idx" ON "cfr_measures" USING btree ("campaign_id","kind","org_id","person_name","on_date");--> statement-breakpoint
CREATE INDEX "cfr_problems_file_idx" ON "cfr_problems" USING btree ("file_id");--> statement-breakpoint
CREATE INDEX "cfr_problems_rect_idx" ON "cfr_problems" USING btree ("rectification_id");--> statement-breakpoint
CREATE INDEX "cfr_problems_found_idx" ON "cfr_problems" USING btree ("division_code","found_on");--> statement-breakpoint
CREATE INDEX "cfr_rect_campaign_idx" ON "cfr_rectifications" USING btree ("campaign_id");--> statement-breakpoint
CREATE UNIQUE INDEX "cfr_units_pk" ON "cfr_units" USING btree ("campaign_id","org_id");--> statement-breakpoint
CREATE INDEX "cfr_units_sampled_idx" ON "cfr_units" USING btree ("division_code","sampled_on");