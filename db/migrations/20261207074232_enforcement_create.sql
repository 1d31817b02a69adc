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
CREATE INDEX "enforcement_publications_pub_idx" ON "enforcement_publications" USING btree ("division_code","published_on");