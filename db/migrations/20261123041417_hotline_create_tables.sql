CREATE TABLE "dispatch_rules" (
	"category" text NOT NULL,
	"division_prefix" text NOT NULL,
	"org_id" uuid NOT NULL,
	"co_org_ids" uuid[] DEFAULT '{}' NOT NULL,
	CONSTRAINT "dispatch_rules_category_division_prefix_pk" PRIMARY KEY("category","division_prefix")
);
--> statement-breakpoint
CREATE TABLE "letters" (
	"case_id" uuid PRIMARY KEY NOT NULL,
	"content" text NOT NULL,
	"writer_name" text NOT NULL,
	"writer_phone_enc" text,
	"consent_to_publish" boolean DEFAULT false NOT NULL,
	"reply" text,
	"replied_at" timestamp with time zone,
	"published" boolean DEFAULT false NOT NULL,
	"division_code" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "open311_clients" (
	"key_hash" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tickets" (
	"case_id" uuid PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"category" text NOT NULL,
	"channel" text NOT NULL,
	"description" text NOT NULL,
	"tokens" text NOT NULL,
	"caller_name" text NOT NULL,
	"caller_phone_enc" text,
	"address" text,
	"lat" double precision,
	"long" double precision,
	"division_code" text NOT NULL,
	"centre_org_id" uuid NOT NULL,
	"open311_service_code" text,
	"dispatch_count" integer DEFAULT 0 NOT NULL,
	"return_count" integer DEFAULT 0 NOT NULL,
	"first_dispatched_at" timestamp with time zone,
	"first_accepted_at" timestamp with time zone,
	"replied_at" timestamp with time zone,
	"reply" text,
	"merged_into" uuid,
	"callback_reached" boolean,
	"resolved" boolean,
	"satisfaction" text,
	"created_at" timestamp with time zone NOT NULL,
	"closed_at" timestamp with time zone,
	"is_demo" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE INDEX "letters_created_idx" ON "letters" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "tickets_created_idx" ON "tickets" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "tickets_division_idx" ON "tickets" USING btree ("division_code","created_at");