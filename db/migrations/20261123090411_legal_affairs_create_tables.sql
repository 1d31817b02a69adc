CREATE TABLE "contract_review_comments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"clause" text NOT NULL,
	"problem" text NOT NULL,
	"suggestion" text NOT NULL,
	"division_code" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "contract_reviews" (
	"case_id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"division_code" text NOT NULL,
	"doc_kind" text NOT NULL,
	"counterparty" text,
	"amount_yuan" bigint,
	"summary" text NOT NULL,
	"submitted_on" date NOT NULL,
	"counsel_id" uuid,
	"reviewer_name" text,
	"opinion_on" date,
	"conclusion" text,
	"opinion_summary" text,
	"comment_count" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "counsel_appointments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"lawyer_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"from_date" date NOT NULL,
	"to_date" date NOT NULL,
	"division_code" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "counsel_firms" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"credit_code" text,
	"division_code" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "counsel_lawyers" (
	"id" uuid PRIMARY KEY NOT NULL,
	"firm_id" uuid NOT NULL,
	"name" text NOT NULL,
	"licence_no" text NOT NULL,
	"division_code" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "counsel_work" (
	"id" uuid PRIMARY KEY NOT NULL,
	"lawyer_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"on_date" date NOT NULL,
	"subject" text NOT NULL,
	"case_id" uuid,
	"division_code" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "contract_review_comments_seq_idx" ON "contract_review_comments" USING btree ("case_id","seq");--> statement-breakpoint
CREATE INDEX "contract_reviews_division_idx" ON "contract_reviews" USING btree ("division_code","opinion_on");--> statement-breakpoint
CREATE INDEX "counsel_appointments_lawyer_idx" ON "counsel_appointments" USING btree ("lawyer_id","org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "counsel_firms_name_idx" ON "counsel_firms" USING btree ("division_code","name");--> statement-breakpoint
CREATE UNIQUE INDEX "counsel_lawyers_licence_idx" ON "counsel_lawyers" USING btree ("licence_no");--> statement-breakpoint
CREATE INDEX "counsel_lawyers_firm_idx" ON "counsel_lawyers" USING btree ("firm_id");--> statement-breakpoint
CREATE INDEX "counsel_work_period_idx" ON "counsel_work" USING btree ("division_code","on_date");--> statement-breakpoint
CREATE UNIQUE INDEX "counsel_work_case_idx" ON "counsel_work" USING btree ("case_id","kind");