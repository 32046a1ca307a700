ALTER TYPE "public"."webhook_status" ADD VALUE 'invalid';--> statement-breakpoint
ALTER TABLE "users" DROP CONSTRAINT "users_email_unique";--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "invited" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "integration_webhooks" ADD COLUMN "lease_expires_at" timestamp with time zone;--> statement-breakpoint
CREATE UNIQUE INDEX "users_claimed_email_key" ON "users" USING btree ("email") WHERE "users"."email_verified" is not null or "users"."invited";