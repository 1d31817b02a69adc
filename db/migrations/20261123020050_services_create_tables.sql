CREATE TABLE "applications" (
	"case_id" uuid PRIMARY KEY NOT NULL,
	"item_id" uuid NOT NULL,
	"channel" text NOT NULL,
	"counter_id" uuid,
	"assisted_by" text,
	"applicant_kind" text NOT NULL,
	"applicant_id_enc" text,
	"applicant_id_last4" text NOT NULL,
	"materials" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"division_code" text NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "service_items" (
	"id" uuid PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"type" text NOT NULL,
	"org_id" uuid NOT NULL,
	"division_code" text NOT NULL,
	"legal_limit" integer,
	"legal_limit_unit" text,
	"legal_basis" text,
	"promised_limit" integer,
	"visits" integer DEFAULT 1 NOT NULL,
	"handle_modes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"materials" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"result" text,
	"service_objects" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_item_id_service_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."service_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "applications_item_idx" ON "applications" USING btree ("item_id");--> statement-breakpoint
CREATE INDEX "applications_channel_idx" ON "applications" USING btree ("channel");--> statement-breakpoint
CREATE UNIQUE INDEX "service_items_code_uq" ON "service_items" USING btree ("division_code","code");--> statement-breakpoint
CREATE INDEX "service_items_org_idx" ON "service_items" USING btree ("org_id");