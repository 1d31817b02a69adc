DROP INDEX "applications_channel_idx";--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "org_id" uuid;--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "created_at" timestamp with time zone;--> statement-breakpoint
-- Backfill from the cases, then require them (hand-edited: drizzle-kit would add NOT NULL to filled tables).
UPDATE "applications" a SET "org_id" = c."org_id", "created_at" = c."created_at" FROM "cases" c WHERE c."id" = a."case_id";--> statement-breakpoint
ALTER TABLE "applications" ALTER COLUMN "org_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "applications" ALTER COLUMN "created_at" SET NOT NULL;--> statement-breakpoint
CREATE INDEX "applications_channel_created_idx" ON "applications" USING btree ("channel","created_at");--> statement-breakpoint
CREATE INDEX "applications_created_idx" ON "applications" USING btree ("created_at");
