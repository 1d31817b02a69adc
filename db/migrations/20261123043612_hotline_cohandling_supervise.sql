ALTER TABLE "tickets" ADD COLUMN "co_org_ids" uuid[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "supervise_count" integer DEFAULT 0 NOT NULL;