CREATE TABLE "licence_reminders" (
	"id" uuid PRIMARY KEY NOT NULL,
	"licence_id" uuid NOT NULL,
	"offset_days" integer NOT NULL,
	"configured_offset" integer,
	"due_date" date NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	"sms_sent" boolean NOT NULL,
	"org_notified" integer NOT NULL,
	"action" text NOT NULL,
	"renewal_case_id" uuid,
	"note" text,
	"division_code" text NOT NULL,
	"org_id" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "licence_types" (
	"id" uuid PRIMARY KEY NOT NULL,
	"division_code" text NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"item_codes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"validity_months" integer,
	"reminder_offsets" jsonb NOT NULL,
	"renewal_lead_days" integer,
	"renewal_basis" text,
	"auto_renewal" text NOT NULL,
	"number_prefix" text NOT NULL,
	"updated_by" text,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "licences" (
	"id" uuid PRIMARY KEY NOT NULL,
	"type_id" uuid NOT NULL,
	"licence_no" text NOT NULL,
	"division_code" text NOT NULL,
	"org_id" uuid NOT NULL,
	"holder_kind" text NOT NULL,
	"holder_name" text NOT NULL,
	"holder_id_enc" text,
	"holder_id_hash" text,
	"holder_id_masked" text NOT NULL,
	"holder_phone_enc" text,
	"holder_user_id" uuid,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"status" text NOT NULL,
	"source" text NOT NULL,
	"source_case_id" uuid,
	"previous_licence_id" uuid,
	"renewal_case_id" uuid,
	"verify_token" text NOT NULL,
	"issued_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	"is_demo" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "licence_reminders_uq" ON "licence_reminders" USING btree ("licence_id","offset_days");--> statement-breakpoint
CREATE INDEX "licence_reminders_sent_idx" ON "licence_reminders" USING btree ("division_code","sent_at");--> statement-breakpoint
CREATE UNIQUE INDEX "licence_types_code_uq" ON "licence_types" USING btree ("division_code","code");--> statement-breakpoint
CREATE UNIQUE INDEX "licences_no_uq" ON "licences" USING btree ("licence_no");--> statement-breakpoint
CREATE UNIQUE INDEX "licences_token_uq" ON "licences" USING btree ("verify_token");--> statement-breakpoint
CREATE UNIQUE INDEX "licences_source_case_uq" ON "licences" USING btree ("source_case_id");--> statement-breakpoint
CREATE INDEX "licences_division_issued_idx" ON "licences" USING btree ("division_code","issued_at");--> statement-breakpoint
CREATE INDEX "licences_expiry_idx" ON "licences" USING btree ("status","valid_to");--> statement-breakpoint
CREATE INDEX "licences_holder_idx" ON "licences" USING btree ("holder_id_hash");--> statement-breakpoint
CREATE INDEX "licences_holder_user_idx" ON "licences" USING btree ("holder_user_id");--> statement-breakpoint
CREATE INDEX "licences_renewal_case_idx" ON "licences" USING btree ("renewal_case_id");