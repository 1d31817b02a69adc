CREATE TABLE "case_daily" (
	"division_code" text NOT NULL,
	"org_id" uuid NOT NULL,
	"type" text NOT NULL,
	"day" date NOT NULL,
	"received" integer DEFAULT 0 NOT NULL,
	"completed" integer DEFAULT 0 NOT NULL,
	"with_clock" integer DEFAULT 0 NOT NULL,
	"on_time" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "case_daily_division_code_org_id_type_day_pk" PRIMARY KEY("division_code","org_id","type","day")
);
--> statement-breakpoint
CREATE INDEX "case_daily_day_idx" ON "case_daily" USING btree ("day","type");--> statement-breakpoint
-- Backfill the rollup from the cases recorded before this migration.
INSERT INTO "case_daily" ("division_code", "org_id", "type", "day", "received", "completed", "with_clock", "on_time")
SELECT division_code, org_id, type, day, sum(r)::int, sum(c)::int, sum(w)::int, sum(o)::int FROM (
  SELECT division_code, org_id, type, (created_at AT TIME ZONE 'Asia/Shanghai')::date AS day, 1 AS r, 0 AS c, 0 AS w, 0 AS o FROM cases
  UNION ALL
  SELECT division_code, org_id, type, (closed_at AT TIME ZONE 'Asia/Shanghai')::date, 0, 1,
    CASE WHEN primary_due IS NOT NULL THEN 1 ELSE 0 END, CASE WHEN primary_stopped <= primary_due THEN 1 ELSE 0 END
  FROM cases WHERE closed_at IS NOT NULL
) x GROUP BY division_code, org_id, type, day;
