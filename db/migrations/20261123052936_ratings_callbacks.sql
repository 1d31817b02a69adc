CREATE TABLE "callback_attempts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"callback_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"agent_id" uuid,
	"agent_name" text NOT NULL,
	"reached" boolean NOT NULL,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "callback_settings" (
	"division_code" text NOT NULL,
	"kind" text NOT NULL,
	"sample_percent" integer NOT NULL,
	"max_attempts" integer NOT NULL,
	"retry_hours" integer NOT NULL,
	"script" text NOT NULL,
	"updated_by" text,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "callback_settings_division_code_kind_pk" PRIMARY KEY("division_code","kind")
);
--> statement-breakpoint
CREATE TABLE "callbacks" (
	"id" uuid PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"case_id" uuid NOT NULL,
	"ref_no" text NOT NULL,
	"title" text NOT NULL,
	"org_id" uuid NOT NULL,
	"division_code" text NOT NULL,
	"closed_at" timestamp with time zone NOT NULL,
	"state" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"max_attempts" integer NOT NULL,
	"next_attempt_at" timestamp with time zone NOT NULL,
	"reached" boolean,
	"resolved" boolean,
	"satisfaction" integer,
	"note" text,
	"agent_id" uuid,
	"agent_name" text,
	"completed_at" timestamp with time zone,
	"is_demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rating_invitations" (
	"case_id" uuid PRIMARY KEY NOT NULL,
	"division_code" text NOT NULL,
	"token_hash" text NOT NULL,
	"channel" text NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"rated_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "ratings" ADD COLUMN "site_id" uuid;--> statement-breakpoint
ALTER TABLE "ratings" ADD COLUMN "staff_id" uuid;--> statement-breakpoint
ALTER TABLE "ratings" ADD COLUMN "item_id" uuid;--> statement-breakpoint
ALTER TABLE "ratings" ADD COLUMN "scores" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
CREATE INDEX "callback_attempts_cb_idx" ON "callback_attempts" USING btree ("callback_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "callbacks_case_uq" ON "callbacks" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "callbacks_queue_idx" ON "callbacks" USING btree ("state","next_attempt_at");--> statement-breakpoint
CREATE INDEX "callbacks_division_closed_idx" ON "callbacks" USING btree ("division_code","closed_at");--> statement-breakpoint
CREATE UNIQUE INDEX "rating_invitations_token_uq" ON "rating_invitations" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "rating_invitations_sent_idx" ON "rating_invitations" USING btree ("sent_at");--> statement-breakpoint
CREATE INDEX "ratings_division_created_idx" ON "ratings" USING btree ("division_code","created_at");--> statement-breakpoint
CREATE INDEX "ratings_fix_idx" ON "ratings" USING btree ("fix_case_id");