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
CREATE INDEX "credential_trainings_div_idx" ON "credential_trainings" USING btree ("division_code","held_on");