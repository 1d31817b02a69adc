CREATE TABLE "case_links" (
	"id" uuid PRIMARY KEY NOT NULL,
	"from_case_id" uuid NOT NULL,
	"to_case_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" uuid
);
--> statement-breakpoint
ALTER TABLE "case_links" ADD CONSTRAINT "case_links_from_case_id_cases_id_fk" FOREIGN KEY ("from_case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_links" ADD CONSTRAINT "case_links_to_case_id_cases_id_fk" FOREIGN KEY ("to_case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "case_links_uq" ON "case_links" USING btree ("from_case_id","to_case_id","kind");--> statement-breakpoint
CREATE INDEX "case_links_to_idx" ON "case_links" USING btree ("to_case_id");