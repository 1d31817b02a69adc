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
CREATE TABLE "credential_reminders" (
	"id" uuid PRIMARY KEY NOT NULL,
	"credential_id" uuid NOT NULL,
	"offset_days" integer NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	"notified" integer NOT NULL,
	"org_id" uuid NOT NULL,
	"division_code" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "credentials" (
	"id" uuid PRIMARY KEY NOT NULL,
	"holder_id" uuid NOT NULL,
	"case_id" uuid,
	"kind" text NOT NULL,
	"number" text NOT NULL,
	"verify_token" text NOT NULL,
	"scope" text NOT NULL,
	"issued_on" date NOT NULL,
	"valid_to" date NOT NULL,
	"status" text NOT NULL,
	"status_reason" text,
	"cancelled_on" date,
	"renews_id" uuid,
	"org_id" uuid NOT NULL,
	"division_code" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "credential_exams" (
	"id" uuid PRIMARY KEY NOT NULL,
	"holder_id" uuid NOT NULL,
	"subject" text NOT NULL,
	"score" integer NOT NULL,
	"passed" boolean NOT NULL,
	"taken_on" date NOT NULL,
	"org_id" uuid NOT NULL,
	"division_code" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "credential_holders" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"gender" text,
	"id_number_enc" text,
	"id_tail" text,
	"phone_enc" text,
	"org_id" uuid NOT NULL,
	"division_code" text NOT NULL,
	"post" text NOT NULL,
	"employment" text NOT NULL,
	"staff_user_id" uuid,
	"scope" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"left_on" date,
	"left_reason" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "credential_reviews" (
	"id" uuid PRIMARY KEY NOT NULL,
	"credential_id" uuid NOT NULL,
	"holder_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"hours" double precision NOT NULL,
	"required_hours" double precision NOT NULL,
	"exam_passed" boolean NOT NULL,
	"passed" boolean NOT NULL,
	"reason" text,
	"reviewed_on" date NOT NULL,
	"reviewer_name" text NOT NULL,
	"org_id" uuid NOT NULL,
	"division_code" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "credential_suspensions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"credential_id" uuid NOT NULL,
	"from_date" date NOT NULL,
	"to_date" date,
	"reason" text NOT NULL,
	"lift_reason" text,
	"division_code" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "credential_trainings" (
	"id" uuid PRIMARY KEY NOT NULL,
	"holder_id" uuid NOT NULL,
	"type" text NOT NULL,
	"title" text NOT NULL,
	"held_on" date NOT NULL,
	"hours" double precision NOT NULL,
	"source" text NOT NULL,
	"org_id" uuid NOT NULL,
	"division_code" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "enforcement_attachments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"step" text NOT NULL,
	"file_name" text NOT NULL,
	"mime" text NOT NULL,
	"size" integer NOT NULL,
	"storage_key" text NOT NULL,
	"uploaded_by" text NOT NULL,
	"org_id" uuid NOT NULL,
	"division_code" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "enforcement_evidence" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"taken_on" date NOT NULL,
	"officers" jsonb NOT NULL,
	"summary" text NOT NULL,
	"org_id" uuid NOT NULL,
	"division_code" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "enforcement_firms" (
	"credit_code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"division_code" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "enforcement_inspections" (
	"case_id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"division_code" text NOT NULL,
	"firm_code" text NOT NULL,
	"firm_name" text NOT NULL,
	"kind" text NOT NULL,
	"plan_id" uuid,
	"purpose" text NOT NULL,
	"officers" jsonb NOT NULL,
	"visit_on" date NOT NULL,
	"token" text NOT NULL,
	"cap" integer NOT NULL,
	"prior_visits" integer NOT NULL,
	"over_cap" boolean NOT NULL,
	"outcome" text,
	"findings" text,
	"completed_on" date,
	"rating" integer,
	"rating_comment" text,
	"rated_on" date,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "enforcement_legal_reviewers" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"certificate_no" text NOT NULL,
	"org_id" uuid NOT NULL,
	"division_code" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "enforcement_penalties" (
	"case_id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"division_code" text NOT NULL,
	"party_kind" text NOT NULL,
	"party_name" text NOT NULL,
	"party_code" text,
	"cause" text NOT NULL,
	"source" text NOT NULL,
	"facts" text NOT NULL,
	"filed_on" date NOT NULL,
	"hearing_eligible" boolean DEFAULT false NOT NULL,
	"major" boolean DEFAULT false NOT NULL,
	"review_grounds" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"reviewed_on" date,
	"reviewer_name" text,
	"review_passed" boolean,
	"decision_kind" text,
	"decision_no" text,
	"basis" text,
	"content" text,
	"amount" double precision,
	"decided_on" date,
	"served_on" date,
	"closed_on" date,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "enforcement_inspection_plans" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"division_code" text NOT NULL,
	"year" integer NOT NULL,
	"plan_no" text NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"cap" integer,
	"firm_codes" jsonb NOT NULL,
	"published_on" date NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "enforcement_publications" (
	"case_id" uuid PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"org_id" uuid NOT NULL,
	"division_code" text NOT NULL,
	"party_shown" text NOT NULL,
	"party_kind" text NOT NULL,
	"decision_no" text NOT NULL,
	"cause" text NOT NULL,
	"basis" text NOT NULL,
	"content" text NOT NULL,
	"decided_on" date NOT NULL,
	"due_on" date NOT NULL,
	"published_on" date,
	"revoked_on" date,
	"withdraw_due_on" date,
	"withdrawn_on" date,
	"withdraw_reason" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "law_exam_attempts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"exam_id" uuid NOT NULL,
	"official_id" uuid NOT NULL,
	"attempt_no" integer NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"deadline" timestamp with time zone NOT NULL,
	"submitted_at" timestamp with time zone,
	"question_ids" jsonb NOT NULL,
	"answers" jsonb NOT NULL,
	"correct" jsonb NOT NULL,
	"score" integer NOT NULL,
	"org_id" uuid NOT NULL,
	"division_code" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "law_study_attendance" (
	"session_id" uuid NOT NULL,
	"official_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"division_code" text NOT NULL,
	CONSTRAINT "law_study_attendance_session_id_official_id_pk" PRIMARY KEY("session_id","official_id")
);
--> statement-breakpoint
CREATE TABLE "law_exams" (
	"id" uuid PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"opens_at" timestamp with time zone NOT NULL,
	"closes_at" timestamp with time zone NOT NULL,
	"limit_seconds" integer NOT NULL,
	"max_attempts" integer NOT NULL,
	"pass_mark" integer NOT NULL,
	"total_points" integer NOT NULL,
	"blueprint" jsonb NOT NULL,
	"org_id" uuid NOT NULL,
	"division_code" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "law_study_meetings" (
	"id" uuid PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"held_on" date NOT NULL,
	"chair" text,
	"topics" text NOT NULL,
	"decisions" text,
	"org_id" uuid NOT NULL,
	"division_code" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "law_study_officials" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"post" text,
	"leader" boolean NOT NULL,
	"user_id" uuid,
	"active" boolean NOT NULL,
	"org_id" uuid NOT NULL,
	"division_code" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "law_exam_questions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"law" text NOT NULL,
	"topic" text NOT NULL,
	"type" text NOT NULL,
	"stem" text NOT NULL,
	"options" jsonb NOT NULL,
	"answer" text NOT NULL,
	"explanation" text,
	"active" boolean NOT NULL,
	"org_id" uuid NOT NULL,
	"division_code" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "law_study_sessions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"topic" text NOT NULL,
	"laws" text NOT NULL,
	"speakers" text,
	"held_on" date NOT NULL,
	"minutes" integer NOT NULL,
	"other_attendees" integer NOT NULL,
	"court" text,
	"court_case_no" text,
	"materials" text,
	"org_id" uuid NOT NULL,
	"division_code" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "law_study_shufa" (
	"id" uuid PRIMARY KEY NOT NULL,
	"official_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"form" text NOT NULL,
	"meeting_id" uuid,
	"reported_on" date NOT NULL,
	"content" text NOT NULL,
	"rating" text,
	"comments" text,
	"rated_by" uuid,
	"org_id" uuid NOT NULL,
	"division_code" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "legal_advisers" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"firm" text NOT NULL,
	"licence_no" text NOT NULL,
	"phone" text,
	"user_id" uuid,
	"org_id" uuid NOT NULL,
	"division_code" text NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "legal_adviser_appointments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"adviser_id" uuid NOT NULL,
	"division_code" text NOT NULL,
	"start_on" date NOT NULL,
	"end_on" date NOT NULL,
	"org_id" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "legal_adviser_logs" (
	"id" uuid PRIMARY KEY NOT NULL,
	"adviser_id" uuid NOT NULL,
	"division_code" text NOT NULL,
	"kind" text NOT NULL,
	"served_on" date NOT NULL,
	"subject" text NOT NULL,
	"owner_id" uuid,
	"created_by" uuid,
	"confirmed_at" timestamp with time zone,
	"confirmed_by" uuid,
	"confirmed_by_name" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mediation_disputes" (
	"case_id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"division_code" text NOT NULL,
	"type" text NOT NULL,
	"source" text NOT NULL,
	"summary" text NOT NULL,
	"applicants" jsonb NOT NULL,
	"respondents" jsonb NOT NULL,
	"mediators" text NOT NULL,
	"court_stage" text,
	"received_on" date NOT NULL,
	"outcome" text,
	"ended_on" date,
	"referral" text,
	"end_reason" text,
	"agreement_facts" text,
	"agreement_terms" text,
	"agreement_performance" text,
	"confirm_reminded_at" timestamp with time zone,
	"confirm_reminded_to" integer,
	"confirm_court" text,
	"confirm_applied_on" date,
	"confirm_answer" text,
	"confirm_decided_on" date,
	"confirm_ruling_no" text,
	"visited_on" date,
	"performance" text,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mediation_populations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"division_code" text NOT NULL,
	"as_of" date NOT NULL,
	"population" integer NOT NULL,
	"source" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mediation_screenings" (
	"id" uuid PRIMARY KEY NOT NULL,
	"division_code" text NOT NULL,
	"org_id" uuid NOT NULL,
	"held_on" date NOT NULL,
	"found" integer NOT NULL,
	"resolved" integer NOT NULL,
	"notes" text,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mediation_sessions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"held_on" date NOT NULL,
	"mediators" text NOT NULL,
	"place" text,
	"notes" text NOT NULL,
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
CREATE INDEX "benefit_subjects_division_idx" ON "benefit_subjects" USING btree ("division_code");--> statement-breakpoint
CREATE UNIQUE INDEX "credential_reminders_uq" ON "credential_reminders" USING btree ("credential_id","offset_days");--> statement-breakpoint
CREATE UNIQUE INDEX "credentials_number_uq" ON "credentials" USING btree ("number");--> statement-breakpoint
CREATE UNIQUE INDEX "credentials_token_uq" ON "credentials" USING btree ("verify_token");--> statement-breakpoint
CREATE INDEX "credentials_holder_idx" ON "credentials" USING btree ("holder_id");--> statement-breakpoint
CREATE INDEX "credentials_org_idx" ON "credentials" USING btree ("org_id","status");--> statement-breakpoint
CREATE INDEX "credentials_issued_idx" ON "credentials" USING btree ("division_code","issued_on");--> statement-breakpoint
CREATE INDEX "credentials_valid_to_idx" ON "credentials" USING btree ("division_code","valid_to");--> statement-breakpoint
CREATE INDEX "credential_exams_holder_idx" ON "credential_exams" USING btree ("holder_id","taken_on");--> statement-breakpoint
CREATE INDEX "credential_holders_org_idx" ON "credential_holders" USING btree ("org_id","status");--> statement-breakpoint
CREATE INDEX "credential_holders_div_idx" ON "credential_holders" USING btree ("division_code");--> statement-breakpoint
CREATE INDEX "credential_holders_staff_idx" ON "credential_holders" USING btree ("staff_user_id");--> statement-breakpoint
CREATE INDEX "credential_reviews_card_idx" ON "credential_reviews" USING btree ("credential_id","year");--> statement-breakpoint
CREATE INDEX "credential_reviews_div_idx" ON "credential_reviews" USING btree ("division_code","reviewed_on");--> statement-breakpoint
CREATE INDEX "credential_suspensions_cred_idx" ON "credential_suspensions" USING btree ("credential_id");--> statement-breakpoint
CREATE UNIQUE INDEX "credential_trainings_uq" ON "credential_trainings" USING btree ("holder_id","held_on","title");--> statement-breakpoint
CREATE INDEX "credential_trainings_holder_idx" ON "credential_trainings" USING btree ("holder_id","held_on");--> statement-breakpoint
CREATE INDEX "credential_trainings_div_idx" ON "credential_trainings" USING btree ("division_code","held_on");--> statement-breakpoint
CREATE INDEX "enforcement_attachments_case_idx" ON "enforcement_attachments" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "enforcement_evidence_case_idx" ON "enforcement_evidence" USING btree ("case_id");--> statement-breakpoint
CREATE UNIQUE INDEX "enforcement_inspections_token_idx" ON "enforcement_inspections" USING btree ("token");--> statement-breakpoint
CREATE INDEX "enforcement_inspections_firm_idx" ON "enforcement_inspections" USING btree ("org_id","firm_code","visit_on");--> statement-breakpoint
CREATE INDEX "enforcement_inspections_visit_idx" ON "enforcement_inspections" USING btree ("division_code","visit_on");--> statement-breakpoint
CREATE INDEX "enforcement_penalties_filed_idx" ON "enforcement_penalties" USING btree ("division_code","filed_on");--> statement-breakpoint
CREATE INDEX "enforcement_penalties_decided_idx" ON "enforcement_penalties" USING btree ("division_code","decided_on");--> statement-breakpoint
CREATE UNIQUE INDEX "enforcement_plans_no_idx" ON "enforcement_inspection_plans" USING btree ("org_id","plan_no");--> statement-breakpoint
CREATE INDEX "enforcement_plans_org_idx" ON "enforcement_inspection_plans" USING btree ("org_id","year");--> statement-breakpoint
CREATE INDEX "enforcement_publications_due_idx" ON "enforcement_publications" USING btree ("division_code","due_on");--> statement-breakpoint
CREATE INDEX "enforcement_publications_pub_idx" ON "enforcement_publications" USING btree ("division_code","published_on");--> statement-breakpoint
CREATE UNIQUE INDEX "law_exam_attempts_no_idx" ON "law_exam_attempts" USING btree ("exam_id","official_id","attempt_no");--> statement-breakpoint
CREATE INDEX "law_exam_attempts_org_idx" ON "law_exam_attempts" USING btree ("exam_id","org_id");--> statement-breakpoint
CREATE INDEX "law_study_attendance_official_idx" ON "law_study_attendance" USING btree ("official_id");--> statement-breakpoint
CREATE INDEX "law_exams_opens_idx" ON "law_exams" USING btree ("division_code","opens_at");--> statement-breakpoint
CREATE INDEX "law_study_meetings_held_idx" ON "law_study_meetings" USING btree ("division_code","held_on");--> statement-breakpoint
CREATE UNIQUE INDEX "law_study_officials_user_idx" ON "law_study_officials" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "law_study_officials_org_idx" ON "law_study_officials" USING btree ("division_code","org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "law_exam_questions_stem_idx" ON "law_exam_questions" USING btree ("division_code","stem");--> statement-breakpoint
CREATE INDEX "law_exam_questions_pick_idx" ON "law_exam_questions" USING btree ("division_code","type","topic");--> statement-breakpoint
CREATE INDEX "law_study_sessions_held_idx" ON "law_study_sessions" USING btree ("division_code","held_on");--> statement-breakpoint
CREATE UNIQUE INDEX "law_study_shufa_year_idx" ON "law_study_shufa" USING btree ("official_id","year");--> statement-breakpoint
CREATE INDEX "law_study_shufa_reported_idx" ON "law_study_shufa" USING btree ("division_code","reported_on");--> statement-breakpoint
CREATE UNIQUE INDEX "legal_advisers_licence_idx" ON "legal_advisers" USING btree ("licence_no");--> statement-breakpoint
CREATE UNIQUE INDEX "legal_advisers_user_idx" ON "legal_advisers" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "legal_adviser_appointments_adviser_idx" ON "legal_adviser_appointments" USING btree ("adviser_id");--> statement-breakpoint
CREATE INDEX "legal_adviser_appointments_div_idx" ON "legal_adviser_appointments" USING btree ("division_code");--> statement-breakpoint
CREATE INDEX "legal_adviser_logs_div_idx" ON "legal_adviser_logs" USING btree ("division_code","served_on");--> statement-breakpoint
CREATE INDEX "legal_adviser_logs_adviser_idx" ON "legal_adviser_logs" USING btree ("adviser_id","served_on");--> statement-breakpoint
CREATE INDEX "mediation_disputes_received_idx" ON "mediation_disputes" USING btree ("division_code","received_on");--> statement-breakpoint
CREATE INDEX "mediation_disputes_ended_idx" ON "mediation_disputes" USING btree ("division_code","ended_on");--> statement-breakpoint
CREATE UNIQUE INDEX "mediation_populations_div_date_idx" ON "mediation_populations" USING btree ("division_code","as_of");--> statement-breakpoint
CREATE INDEX "mediation_screenings_div_idx" ON "mediation_screenings" USING btree ("division_code","held_on");--> statement-breakpoint
CREATE INDEX "mediation_sessions_case_idx" ON "mediation_sessions" USING btree ("case_id");