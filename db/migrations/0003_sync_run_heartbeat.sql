ALTER TYPE "public"."sync_run_status" ADD VALUE 'interrupted';--> statement-breakpoint
ALTER TABLE "sync_runs" ADD COLUMN "heartbeat_at" timestamp with time zone DEFAULT now() NOT NULL;