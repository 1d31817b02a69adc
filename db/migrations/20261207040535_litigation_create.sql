CREATE TABLE "litigation_judicial_advice" (
	"case_id" uuid PRIMARY KEY NOT NULL,
	"suit_case_id" uuid NOT NULL,
	"court" text NOT NULL,
	"advice_no" text NOT NULL,
	"received_on" date NOT NULL,
	"content" text NOT NULL,
	"reply" text,
	"measures" text,
	"replied_on" date,
	"org_id" uuid NOT NULL,
	"division_code" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "litigation_hearings" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"instance" integer NOT NULL,
	"held_on" date NOT NULL,
	"appearance" text NOT NULL,
	"head_name" text,
	"staff_names" text,
	"absence_reason" text,
	"spoke" boolean,
	"org_id" uuid NOT NULL,
	"division_code" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "litigation_judgments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"instance" integer NOT NULL,
	"kind" text NOT NULL,
	"outcome" text NOT NULL,
	"decided_on" date NOT NULL,
	"summary" text,
	"org_id" uuid NOT NULL,
	"division_code" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "litigation_suits" (
	"case_id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"division_code" text NOT NULL,
	"court" text NOT NULL,
	"court_case_no" text NOT NULL,
	"plaintiff" text NOT NULL,
	"cause" text NOT NULL,
	"claims" text NOT NULL,
	"challenged_act" text NOT NULL,
	"reconsidered" boolean NOT NULL,
	"served_on" date NOT NULL,
	"answered_on" date,
	"agents" text,
	"counsel_id" uuid,
	"appealed_by" text,
	"final_outcome" text,
	"closed_on" date,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "litigation_advice_suit_idx" ON "litigation_judicial_advice" USING btree ("suit_case_id");--> statement-breakpoint
CREATE INDEX "litigation_hearings_case_idx" ON "litigation_hearings" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "litigation_hearings_held_idx" ON "litigation_hearings" USING btree ("division_code","held_on");--> statement-breakpoint
CREATE INDEX "litigation_judgments_case_idx" ON "litigation_judgments" USING btree ("case_id");--> statement-breakpoint
CREATE UNIQUE INDEX "litigation_suits_case_no_idx" ON "litigation_suits" USING btree ("org_id","court_case_no");--> statement-breakpoint
CREATE INDEX "litigation_suits_served_idx" ON "litigation_suits" USING btree ("division_code","served_on");--> statement-breakpoint
CREATE INDEX "litigation_suits_closed_idx" ON "litigation_suits" USING btree ("division_code","closed_on");