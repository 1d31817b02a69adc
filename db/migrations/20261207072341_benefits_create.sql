CREATE TABLE "benefit_batches" (
	"id" uuid PRIMARY KEY NOT NULL,
	"source" text NOT NULL,
	"channel" text NOT NULL,
	"file_name" text,
	"as_of" date NOT NULL,
	"rows" integer NOT NULL,
	"facts" integer NOT NULL,
	"created_by" text NOT NULL,
	"division_code" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "benefit_facts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"subject_id" uuid NOT NULL,
	"key" text NOT NULL,
	"value" jsonb,
	"source" text NOT NULL,
	"as_of" date NOT NULL,
	"batch_id" uuid NOT NULL,
	"division_code" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "benefit_ledger" (
	"id" uuid PRIMARY KEY NOT NULL,
	"batch_id" uuid NOT NULL,
	"result_id" uuid NOT NULL,
	"subject_id" uuid NOT NULL,
	"version_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"amount_fen" bigint NOT NULL,
	"instalment" integer NOT NULL,
	"paid_on" date NOT NULL,
	"reason" text,
	"division_code" text NOT NULL,
	"org_id" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "benefit_objections" (
	"case_id" uuid PRIMARY KEY NOT NULL,
	"result_id" uuid NOT NULL,
	"subject_id" uuid NOT NULL,
	"fact_key" text NOT NULL,
	"claimed_value" text NOT NULL,
	"reason" text NOT NULL,
	"outcome" text,
	"corrected_value" jsonb,
	"rerun_result_id" uuid,
	"division_code" text NOT NULL,
	"org_id" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "benefit_payout_batches" (
	"id" uuid PRIMARY KEY NOT NULL,
	"no" text NOT NULL,
	"state" text NOT NULL,
	"count" integer NOT NULL,
	"total_fen" bigint NOT NULL,
	"paid_on" date,
	"reconciled_at" timestamp with time zone,
	"reconcile_note" text,
	"created_by" text NOT NULL,
	"org_id" uuid NOT NULL,
	"division_code" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "benefit_policy_versions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"doc_no" text NOT NULL,
	"article" text NOT NULL,
	"issuer" text NOT NULL,
	"mode" text NOT NULL,
	"subject_kind" text NOT NULL,
	"recurrence" text NOT NULL,
	"exclusive_group" text,
	"budget_fen" bigint,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"terms" jsonb NOT NULL,
	"status" text NOT NULL,
	"published_at" timestamp with time zone,
	"org_id" uuid NOT NULL,
	"division_code" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "benefit_results" (
	"id" uuid PRIMARY KEY NOT NULL,
	"scan_id" uuid NOT NULL,
	"version_id" uuid NOT NULL,
	"subject_id" uuid NOT NULL,
	"outcome" text NOT NULL,
	"amount_fen" bigint NOT NULL,
	"explanation" jsonb NOT NULL,
	"failed_index" integer,
	"failed_fact" text,
	"note" text,
	"pay_state" text,
	"publicity_ends" date,
	"account_name" text,
	"account_no_enc" text,
	"account_masked" text,
	"confirmed_at" timestamp with time zone,
	"notified_at" timestamp with time zone,
	"current" boolean DEFAULT true NOT NULL,
	"division_code" text NOT NULL,
	"org_id" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "benefit_scans" (
	"id" uuid PRIMARY KEY NOT NULL,
	"snapshot" date NOT NULL,
	"state" text NOT NULL,
	"total" integer DEFAULT 0 NOT NULL,
	"done" integer DEFAULT 0 NOT NULL,
	"eligible" integer DEFAULT 0 NOT NULL,
	"near_misses" integer DEFAULT 0 NOT NULL,
	"amount_fen" bigint DEFAULT 0 NOT NULL,
	"sandbox_version_id" uuid,
	"error" text,
	"requested_by" text NOT NULL,
	"division_code" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "benefit_subjects" (
	"id" uuid PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"code_shown" text NOT NULL,
	"code_hash" text NOT NULL,
	"code_enc" text,
	"phone_enc" text,
	"division_code" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "benefit_facts_subject_idx" ON "benefit_facts" USING btree ("subject_id","key","as_of");--> statement-breakpoint
CREATE INDEX "benefit_facts_batch_idx" ON "benefit_facts" USING btree ("batch_id");--> statement-breakpoint
CREATE INDEX "benefit_ledger_batch_idx" ON "benefit_ledger" USING btree ("batch_id");--> statement-breakpoint
CREATE INDEX "benefit_ledger_subject_idx" ON "benefit_ledger" USING btree ("subject_id","version_id");--> statement-breakpoint
CREATE INDEX "benefit_ledger_paid_idx" ON "benefit_ledger" USING btree ("division_code","paid_on");--> statement-breakpoint
CREATE UNIQUE INDEX "benefit_payout_batches_no_idx" ON "benefit_payout_batches" USING btree ("no");--> statement-breakpoint
CREATE UNIQUE INDEX "benefit_policy_versions_case_idx" ON "benefit_policy_versions" USING btree ("case_id","version");--> statement-breakpoint
CREATE INDEX "benefit_policy_versions_status_idx" ON "benefit_policy_versions" USING btree ("division_code","status");--> statement-breakpoint
CREATE INDEX "benefit_results_scan_idx" ON "benefit_results" USING btree ("scan_id","outcome");--> statement-breakpoint
CREATE INDEX "benefit_results_subject_idx" ON "benefit_results" USING btree ("subject_id","version_id");--> statement-breakpoint
CREATE INDEX "benefit_scans_division_idx" ON "benefit_scans" USING btree ("division_code","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "benefit_subjects_code_idx" ON "benefit_subjects" USING btree ("code_hash");--> statement-breakpoint
CREATE INDEX "benefit_subjects_division_idx" ON "benefit_subjects" USING btree ("division_code");