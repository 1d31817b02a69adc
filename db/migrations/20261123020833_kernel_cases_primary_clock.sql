ALTER TABLE "cases" ADD COLUMN "primary_due" date;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "primary_stopped" date;--> statement-breakpoint
CREATE INDEX "cases_type_created_idx" ON "cases" USING btree ("type","created_at");--> statement-breakpoint
CREATE INDEX "cases_type_closed_idx" ON "cases" USING btree ("type","closed_at");--> statement-breakpoint
-- Backfill from the primary clocks of cases created before this migration.
UPDATE "cases" SET "primary_due" = c."due_date", "primary_stopped" = c."stopped_on" FROM "case_clocks" c WHERE c."case_id" = "cases"."id" AND c."is_primary";
