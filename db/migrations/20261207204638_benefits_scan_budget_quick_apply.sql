ALTER TABLE "benefit_results" ADD COLUMN "applied_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "benefit_scans" ADD COLUMN "over_budget" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "benefit_scans" ADD COLUMN "over_budget_fen" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "benefit_scans_one_running_uq" ON "benefit_scans" USING btree ("division_code") WHERE state IN ('queued', 'running');