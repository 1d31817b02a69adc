CREATE TABLE "ratings" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"division_code" text NOT NULL,
	"counter_id" uuid,
	"case_id" uuid,
	"channel" text NOT NULL,
	"level" integer NOT NULL,
	"comment" text,
	"real_name" boolean NOT NULL,
	"rater_phone_enc" text,
	"fix_case_id" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "ratings_case_uq" ON "ratings" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "ratings_created_idx" ON "ratings" USING btree ("created_at","level");