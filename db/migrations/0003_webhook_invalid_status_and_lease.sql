ALTER TYPE "public"."webhook_status" ADD VALUE 'invalid';--> statement-breakpoint
ALTER TABLE "integration_webhooks" ADD COLUMN "lease_expires_at" timestamp with time zone;