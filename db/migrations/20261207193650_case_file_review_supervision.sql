CREATE TABLE "sup_joint_meetings" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"division_code" text NOT NULL,
	"held_on" date NOT NULL,
	"topic" text NOT NULL,
	"attendee_org_ids" jsonb NOT NULL,
	"items" jsonb NOT NULL,
	"minutes" text,
	"recorded_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sup_matters" (
	"case_id" uuid PRIMARY KEY NOT NULL,
	"bureau_org_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"division_code" text NOT NULL,
	"source" text NOT NULL,
	"summary" text NOT NULL,
	"received_on" date NOT NULL,
	"ticket_case_id" uuid,
	"notice_no" text,
	"issued_on" date,
	"problems" text,
	"requirement" text,
	"closed_on" date,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "sup_joint_meetings_idx" ON "sup_joint_meetings" USING btree ("division_code","held_on");--> statement-breakpoint
CREATE UNIQUE INDEX "sup_joint_meetings_once_idx" ON "sup_joint_meetings" USING btree ("org_id","held_on","topic");--> statement-breakpoint
CREATE INDEX "sup_matters_div_idx" ON "sup_matters" USING btree ("division_code","issued_on");--> statement-breakpoint
CREATE UNIQUE INDEX "sup_matters_notice_idx" ON "sup_matters" USING btree ("bureau_org_id","notice_no");