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