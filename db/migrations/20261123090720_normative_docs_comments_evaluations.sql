CREATE TABLE "normative_comments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"passage_no" integer NOT NULL,
	"content" text NOT NULL,
	"author_name" text,
	"submitted_at" timestamp with time zone NOT NULL,
	"adoption" text,
	"reason" text,
	"responded_on" date,
	"division_code" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "normative_evaluations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"evaluators" text NOT NULL,
	"method" text NOT NULL,
	"findings" text NOT NULL,
	"conclusion" text NOT NULL,
	"completed_on" date NOT NULL,
	"division_code" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "normative_passages" (
	"case_id" uuid NOT NULL,
	"no" integer NOT NULL,
	"label" text NOT NULL,
	"text" text NOT NULL,
	CONSTRAINT "normative_passages_case_id_no_pk" PRIMARY KEY("case_id","no")
);
--> statement-breakpoint
ALTER TABLE "normative_docs" ADD COLUMN "comment_from" date;--> statement-breakpoint
ALTER TABLE "normative_docs" ADD COLUMN "comment_to" date;--> statement-breakpoint
ALTER TABLE "normative_docs" ADD COLUMN "adoption_published_on" date;--> statement-breakpoint
CREATE INDEX "normative_comments_case_idx" ON "normative_comments" USING btree ("case_id","passage_no");--> statement-breakpoint
CREATE INDEX "normative_evaluations_idx" ON "normative_evaluations" USING btree ("division_code","completed_on");