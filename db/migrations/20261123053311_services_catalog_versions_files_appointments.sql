CREATE TABLE "application_files" (
	"id" uuid PRIMARY KEY NOT NULL,
	"owner_key" text NOT NULL,
	"uploaded_by" uuid,
	"material_name" text NOT NULL,
	"file_name" text NOT NULL,
	"mime" text NOT NULL,
	"kind" text NOT NULL,
	"size" bigint NOT NULL,
	"digest" text NOT NULL,
	"storage_key" text NOT NULL,
	"division_code" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "appointment_slots" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"counter_id" uuid,
	"division_code" text NOT NULL,
	"day" date NOT NULL,
	"start_time" text NOT NULL,
	"end_time" text NOT NULL,
	"kind" text NOT NULL,
	"capacity" integer NOT NULL,
	"booked" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "appointments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"slot_id" uuid NOT NULL,
	"item_id" uuid,
	"org_id" uuid NOT NULL,
	"division_code" text NOT NULL,
	"day" date NOT NULL,
	"kind" text NOT NULL,
	"user_id" uuid,
	"person_key" text NOT NULL,
	"name" text NOT NULL,
	"phone_enc" text NOT NULL,
	"phone_last4" text NOT NULL,
	"address" text,
	"note" text,
	"status" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"cancelled_at" timestamp with time zone,
	"arrived_at" timestamp with time zone,
	"is_demo" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "service_item_sites" (
	"item_id" uuid NOT NULL,
	"site_org_id" uuid NOT NULL,
	"division_code" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" uuid,
	CONSTRAINT "service_item_sites_item_id_site_org_id_pk" PRIMARY KEY("item_id","site_org_id")
);
--> statement-breakpoint
CREATE TABLE "service_item_versions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"item_id" uuid NOT NULL,
	"version_no" integer NOT NULL,
	"status" text NOT NULL,
	"rev" integer DEFAULT 1 NOT NULL,
	"org_id" uuid NOT NULL,
	"division_code" text NOT NULL,
	"name" text NOT NULL,
	"basic_code" text,
	"business_code" text,
	"type" text NOT NULL,
	"legal_basis" text,
	"power_source" text,
	"exercise_level" text,
	"body_nature" text,
	"entrusted_org" text,
	"service_objects" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"acceptance_conditions" text,
	"process" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"legal_limit" integer,
	"legal_limit_unit" text,
	"legal_limit_basis" text,
	"legal_limit_note" text,
	"promised_limit" integer,
	"promised_limit_unit" text,
	"promised_limit_note" text,
	"handling_type" text,
	"special_procedures" jsonb,
	"charged" boolean,
	"fee_basis" text,
	"fees" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"handle_modes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"visits" integer,
	"on_site_reason" text,
	"handling_location" text,
	"handling_hours" text,
	"consult_phone" text,
	"complaint_phone" text,
	"sso_integrated" boolean,
	"online_url" text,
	"in_hall" boolean,
	"online" boolean,
	"online_payment" boolean,
	"logistics" boolean,
	"result_type" text,
	"result_name" text,
	"result_sample" text,
	"result_validity" text,
	"online_depth" text,
	"appointment" boolean,
	"self_service" boolean,
	"quantity_limit" text,
	"intermediary_services" text,
	"joint_orgs" text,
	"cross_region_scope" text,
	"topics_person" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"topics_legal" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"materials" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"faqs" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"bundles" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"keywords" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"notes" text,
	"completeness_filled" integer NOT NULL,
	"completeness_total" integer NOT NULL,
	"completeness_score" real NOT NULL,
	"complete" boolean NOT NULL,
	"missing" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" uuid,
	"updated_by_name" text,
	"published_at" timestamp with time zone,
	"published_by" uuid,
	"published_by_name" text,
	"withdrawn_at" timestamp with time zone,
	"withdrawn_by" uuid,
	"withdrawn_by_name" text,
	"withdraw_reason" text
);
--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "item_version_id" uuid;--> statement-breakpoint
ALTER TABLE "appointment_slots" ADD CONSTRAINT "appointment_slots_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_slot_id_appointment_slots_id_fk" FOREIGN KEY ("slot_id") REFERENCES "public"."appointment_slots"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_item_id_service_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."service_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_item_sites" ADD CONSTRAINT "service_item_sites_item_id_service_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."service_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_item_sites" ADD CONSTRAINT "service_item_sites_site_org_id_orgs_id_fk" FOREIGN KEY ("site_org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_item_versions" ADD CONSTRAINT "service_item_versions_item_id_service_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."service_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "application_files_owner_idx" ON "application_files" USING btree ("owner_key","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "appointment_slots_uq" ON "appointment_slots" USING btree ("org_id","day","start_time","kind");--> statement-breakpoint
CREATE INDEX "appointment_slots_day_idx" ON "appointment_slots" USING btree ("division_code","day");--> statement-breakpoint
CREATE UNIQUE INDEX "appointments_code_uq" ON "appointments" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "appointments_person_slot_uq" ON "appointments" USING btree ("slot_id","person_key") WHERE status <> 'cancelled';--> statement-breakpoint
CREATE INDEX "appointments_day_idx" ON "appointments" USING btree ("division_code","day");--> statement-breakpoint
CREATE INDEX "appointments_created_idx" ON "appointments" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "service_item_sites_site_idx" ON "service_item_sites" USING btree ("site_org_id");--> statement-breakpoint
CREATE INDEX "service_item_sites_division_idx" ON "service_item_sites" USING btree ("division_code");--> statement-breakpoint
CREATE UNIQUE INDEX "service_item_versions_no_uq" ON "service_item_versions" USING btree ("item_id","version_no");--> statement-breakpoint
CREATE UNIQUE INDEX "service_item_versions_one_published_uq" ON "service_item_versions" USING btree ("item_id") WHERE status = 'published';--> statement-breakpoint
CREATE UNIQUE INDEX "service_item_versions_one_draft_uq" ON "service_item_versions" USING btree ("item_id") WHERE status = 'draft';--> statement-breakpoint
CREATE INDEX "service_item_versions_division_status_idx" ON "service_item_versions" USING btree ("division_code","status");--> statement-breakpoint
CREATE INDEX "service_item_versions_published_at_idx" ON "service_item_versions" USING btree ("division_code","published_at");