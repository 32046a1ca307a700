ALTER TYPE "public"."webhook_status" ADD VALUE 'invalid';--> statement-breakpoint
ALTER TYPE "public"."sync_run_status" ADD VALUE 'interrupted';--> statement-breakpoint
ALTER TABLE "users" DROP CONSTRAINT "users_email_unique";--> statement-breakpoint
DROP INDEX "tasks_project_id_status_index";--> statement-breakpoint
DROP INDEX "integration_logs_integration_id_timestamp_index";--> statement-breakpoint
DROP INDEX "integration_logs_action_type_timestamp_index";--> statement-breakpoint
DROP INDEX "integration_logs_status_timestamp_index";--> statement-breakpoint
DROP INDEX "integration_webhooks_integration_id_received_at_index";--> statement-breakpoint
DROP INDEX "integration_webhooks_event_type_received_at_index";--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "invited" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "deleted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "integration_webhooks" ADD COLUMN "lease_expires_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "sync_runs" ADD COLUMN "heartbeat_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "users_claimed_email_key" ON "users" USING btree ("email") WHERE "users"."email_verified" is not null or "users"."invited";--> statement-breakpoint
CREATE UNIQUE INDEX "milestones_project_title_key" ON "milestones" USING btree ("project_id",lower("title"));--> statement-breakpoint
CREATE INDEX "tasks_project_id_status_id_index" ON "tasks" USING btree ("project_id","status","id");--> statement-breakpoint
CREATE INDEX "tasks_project_updated_idx" ON "tasks" USING btree ("project_id","updated_at","id");--> statement-breakpoint
CREATE INDEX "tasks_project_due_idx" ON "tasks" USING btree ("project_id",coalesce("due_date", 'infinity'::date),"id");--> statement-breakpoint
CREATE INDEX "tasks_project_priority_idx" ON "tasks" USING btree ("project_id","priority","id");--> statement-breakpoint
CREATE INDEX "tasks_project_title_idx" ON "tasks" USING btree ("project_id",lower("title"),"id");--> statement-breakpoint
CREATE INDEX "tasks_labels_idx" ON "tasks" USING gin ("labels");--> statement-breakpoint
CREATE INDEX "tasks_assignees_idx" ON "tasks" USING gin ("assignee_ids");--> statement-breakpoint
CREATE INDEX "integration_logs_integration_id_timestamp_id_index" ON "integration_logs" USING btree ("integration_id","timestamp","id");--> statement-breakpoint
CREATE INDEX "integration_logs_integration_id_status_timestamp_id_index" ON "integration_logs" USING btree ("integration_id","status","timestamp","id");--> statement-breakpoint
CREATE INDEX "integration_logs_integration_id_action_type_timestamp_id_index" ON "integration_logs" USING btree ("integration_id","action_type","timestamp","id");--> statement-breakpoint
CREATE INDEX "integration_webhooks_integration_id_received_at_id_index" ON "integration_webhooks" USING btree ("integration_id","received_at","id");--> statement-breakpoint
CREATE INDEX "integration_webhooks_integration_id_status_received_at_id_index" ON "integration_webhooks" USING btree ("integration_id","status","received_at","id");--> statement-breakpoint
CREATE INDEX "integration_webhooks_integration_id_event_type_received_at_id_index" ON "integration_webhooks" USING btree ("integration_id","event_type","received_at","id");