CREATE TABLE "disclosure_items" (
	"id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"division_code" text NOT NULL,
	"title" text NOT NULL,
	"category" text NOT NULL,
	"doc_no" text,
	"body" text NOT NULL,
	"search_text" text NOT NULL,
	"formed_on" date NOT NULL,
	"published_on" date NOT NULL,
	"due_on" date,
	"late" boolean DEFAULT false NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "disclosure_requests" (
	"case_id" uuid PRIMARY KEY NOT NULL,
	"applicant_type" text NOT NULL,
	"phone_enc" text,
	"channel" text NOT NULL,
	"received_on" date NOT NULL,
	"content" text NOT NULL,
	"purpose" text,
	"reply_type" text,
	"reply_content" text,
	"replied_on" date,
	"fee_method" text,
	"fee" integer DEFAULT 0 NOT NULL,
	"division_code" text NOT NULL,
	"org_id" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE INDEX "disclosure_items_published_idx" ON "disclosure_items" USING btree ("division_code","published_on");--> statement-breakpoint
CREATE INDEX "disclosure_requests_received_idx" ON "disclosure_requests" USING btree ("division_code","received_on");