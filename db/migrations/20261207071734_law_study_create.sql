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
CREATE INDEX "law_study_shufa_reported_idx" ON "law_study_shufa" USING btree ("division_code","reported_on");