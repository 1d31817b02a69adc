CREATE TABLE "law_study_materials" (
	"id" uuid PRIMARY KEY NOT NULL,
	"session_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"mime" text NOT NULL,
	"size" integer NOT NULL,
	"storage_key" text NOT NULL,
	"uploaded_by" text NOT NULL,
	"org_id" uuid NOT NULL,
	"division_code" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "mediation_disputes" ADD COLUMN "confirm_closing_reminded_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "mediation_disputes" ADD COLUMN "confirm_closing_reminded_to" integer;--> statement-breakpoint
CREATE INDEX "law_study_materials_session_idx" ON "law_study_materials" USING btree ("session_id");