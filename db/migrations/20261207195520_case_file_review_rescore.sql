ALTER TABLE "cfr_files" ADD COLUMN "revision" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "cfr_files" ADD COLUMN "rescores" jsonb DEFAULT '[]'::jsonb NOT NULL;