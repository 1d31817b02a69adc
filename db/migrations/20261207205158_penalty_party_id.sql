ALTER TABLE "enforcement_penalties" ADD COLUMN "party_id_enc" text;--> statement-breakpoint
ALTER TABLE "enforcement_penalties" ADD COLUMN "party_id_hash" text;--> statement-breakpoint
ALTER TABLE "enforcement_penalties" ADD COLUMN "party_id_shown" text;