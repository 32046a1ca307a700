CREATE TYPE "public"."project_role" AS ENUM('owner', 'member');--> statement-breakpoint
CREATE TYPE "public"."task_priority" AS ENUM('low', 'medium', 'high', 'urgent');--> statement-breakpoint
CREATE TYPE "public"."task_status" AS ENUM('todo', 'in_progress', 'done', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."connection_status" AS ENUM('not_configured', 'connected', 'error', 'reconnect_needed');--> statement-breakpoint
CREATE TYPE "public"."log_action" AS ENUM('auth', 'sync', 'webhook', 'api_call', 'export', 'error', 'config');--> statement-breakpoint
CREATE TYPE "public"."log_status" AS ENUM('success', 'error', 'warning', 'info');--> statement-breakpoint
CREATE TYPE "public"."provider_type" AS ENUM('github', 'slack', 'jira', 'google-calendar', 'outlook-calendar');--> statement-breakpoint
CREATE TYPE "public"."sync_direction" AS ENUM('import', 'export', 'bidirectional');--> statement-breakpoint
CREATE TYPE "public"."sync_status" AS ENUM('idle', 'queued', 'syncing', 'success', 'error');--> statement-breakpoint
CREATE TYPE "public"."webhook_status" AS ENUM('pending', 'processing', 'processed', 'failed', 'no_handler');--> statement-breakpoint
CREATE TABLE "accounts" (
	"user_id" uuid NOT NULL,
	"type" text NOT NULL,
	"provider" text NOT NULL,
	"provider_account_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "accounts_provider_provider_account_id_pk" PRIMARY KEY("provider","provider_account_id")
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text,
	"email" text NOT NULL,
	"email_verified" timestamp with time zone,
	"image" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_email_unique" UNIQUE("email")
);
--> statement-breakpoint
CREATE TABLE "milestones" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"due_date" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "project_members" (
	"project_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"role" "project_role" DEFAULT 'member' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "project_members_project_id_user_id_pk" PRIMARY KEY("project_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "projects" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tasks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"status" "task_status" DEFAULT 'todo' NOT NULL,
	"priority" "task_priority" DEFAULT 'medium' NOT NULL,
	"labels" text[] DEFAULT '{}'::text[] NOT NULL,
	"assignee_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"external_assignees" text[] DEFAULT '{}'::text[] NOT NULL,
	"due_date" date,
	"milestone_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "external_task_mappings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"task_id" uuid NOT NULL,
	"integration_id" uuid NOT NULL,
	"external_id" text NOT NULL,
	"external_key" text,
	"external_url" text,
	"external_updated_at" timestamp with time zone,
	"sync_direction" "sync_direction" DEFAULT 'bidirectional' NOT NULL,
	"sync_enabled" boolean DEFAULT true NOT NULL,
	"snapshot" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"last_synced_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "external_task_mappings_taskId_integrationId_unique" UNIQUE("task_id","integration_id"),
	CONSTRAINT "external_task_mappings_integrationId_externalId_unique" UNIQUE("integration_id","external_id")
);
--> statement-breakpoint
CREATE TABLE "integration_logs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"integration_id" uuid,
	"provider_id" uuid NOT NULL,
	"action_type" "log_action" NOT NULL,
	"status" "log_status" NOT NULL,
	"description" text NOT NULL,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"duration_ms" integer,
	"timestamp" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "integration_providers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"provider_type" "provider_type" NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"api_base_url" text NOT NULL,
	"auth_url" text,
	"token_url" text,
	"revoke_url" text,
	"scopes" text[] DEFAULT '{}'::text[] NOT NULL,
	"oauth_client_id" text,
	"oauth_client_secret" text,
	"supports_webhooks" boolean DEFAULT true NOT NULL,
	"webhook_events" text[] DEFAULT '{}'::text[] NOT NULL,
	"webhook_settings" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "integration_providers_providerType_unique" UNIQUE("provider_type")
);
--> statement-breakpoint
CREATE TABLE "integration_webhooks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"integration_id" uuid NOT NULL,
	"provider_id" uuid NOT NULL,
	"delivery_id" text NOT NULL,
	"event_type" text NOT NULL,
	"event_action" text,
	"payload" jsonb NOT NULL,
	"headers" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"status" "webhook_status" DEFAULT 'pending' NOT NULL,
	"processed" boolean DEFAULT false NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"result" jsonb,
	"error" text,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"processed_at" timestamp with time zone,
	CONSTRAINT "integration_webhooks_integrationId_deliveryId_unique" UNIQUE("integration_id","delivery_id")
);
--> statement-breakpoint
CREATE TABLE "project_integrations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"provider_id" uuid NOT NULL,
	"external_id" text,
	"external_name" text,
	"access_token" text,
	"access_token_hint" text,
	"refresh_token" text,
	"token_expires_at" timestamp with time zone,
	"webhook_secret" text NOT NULL,
	"webhook_confirmed_at" timestamp with time zone,
	"webhook_external_id" text,
	"settings" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"sync_enabled" boolean DEFAULT false NOT NULL,
	"sync_interval_seconds" integer DEFAULT 300 NOT NULL,
	"sync_status" "sync_status" DEFAULT 'idle' NOT NULL,
	"last_sync_at" timestamp with time zone,
	"last_sync_error" text,
	"sync_cursor" jsonb,
	"connection_status" "connection_status" DEFAULT 'not_configured' NOT NULL,
	"connection_error" text,
	"is_active" boolean DEFAULT true NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "project_integrations_projectId_providerId_externalId_unique" UNIQUE("project_id","provider_id","external_id")
);
--> statement-breakpoint
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "milestones" ADD CONSTRAINT "milestones_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_members" ADD CONSTRAINT "project_members_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_members" ADD CONSTRAINT "project_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_milestone_id_milestones_id_fk" FOREIGN KEY ("milestone_id") REFERENCES "public"."milestones"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "external_task_mappings" ADD CONSTRAINT "external_task_mappings_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "external_task_mappings" ADD CONSTRAINT "external_task_mappings_integration_id_project_integrations_id_fk" FOREIGN KEY ("integration_id") REFERENCES "public"."project_integrations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "integration_logs" ADD CONSTRAINT "integration_logs_integration_id_project_integrations_id_fk" FOREIGN KEY ("integration_id") REFERENCES "public"."project_integrations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "integration_logs" ADD CONSTRAINT "integration_logs_provider_id_integration_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."integration_providers"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "integration_webhooks" ADD CONSTRAINT "integration_webhooks_integration_id_project_integrations_id_fk" FOREIGN KEY ("integration_id") REFERENCES "public"."project_integrations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "integration_webhooks" ADD CONSTRAINT "integration_webhooks_provider_id_integration_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."integration_providers"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_integrations" ADD CONSTRAINT "project_integrations_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_integrations" ADD CONSTRAINT "project_integrations_provider_id_integration_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."integration_providers"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_integrations" ADD CONSTRAINT "project_integrations_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "accounts_user_id_index" ON "accounts" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "milestones_project_id_index" ON "milestones" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "project_members_user_id_index" ON "project_members" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "tasks_project_id_status_index" ON "tasks" USING btree ("project_id","status");--> statement-breakpoint
CREATE INDEX "tasks_milestone_id_index" ON "tasks" USING btree ("milestone_id");--> statement-breakpoint
CREATE INDEX "external_task_mappings_integration_id_sync_enabled_index" ON "external_task_mappings" USING btree ("integration_id","sync_enabled");--> statement-breakpoint
CREATE INDEX "external_task_mappings_external_id_index" ON "external_task_mappings" USING btree ("external_id");--> statement-breakpoint
CREATE INDEX "integration_logs_integration_id_timestamp_index" ON "integration_logs" USING btree ("integration_id","timestamp");--> statement-breakpoint
CREATE INDEX "integration_logs_provider_id_timestamp_index" ON "integration_logs" USING btree ("provider_id","timestamp");--> statement-breakpoint
CREATE INDEX "integration_logs_action_type_timestamp_index" ON "integration_logs" USING btree ("action_type","timestamp");--> statement-breakpoint
CREATE INDEX "integration_logs_status_timestamp_index" ON "integration_logs" USING btree ("status","timestamp");--> statement-breakpoint
CREATE INDEX "integration_providers_provider_type_is_active_index" ON "integration_providers" USING btree ("provider_type","is_active");--> statement-breakpoint
CREATE INDEX "integration_webhooks_provider_id_received_at_index" ON "integration_webhooks" USING btree ("provider_id","received_at");--> statement-breakpoint
CREATE INDEX "integration_webhooks_integration_id_received_at_index" ON "integration_webhooks" USING btree ("integration_id","received_at");--> statement-breakpoint
CREATE INDEX "integration_webhooks_event_type_received_at_index" ON "integration_webhooks" USING btree ("event_type","received_at");--> statement-breakpoint
CREATE INDEX "integration_webhooks_processed_index" ON "integration_webhooks" USING btree ("processed");--> statement-breakpoint
CREATE INDEX "project_integrations_project_id_is_active_index" ON "project_integrations" USING btree ("project_id","is_active");--> statement-breakpoint
CREATE INDEX "project_integrations_provider_id_is_active_index" ON "project_integrations" USING btree ("provider_id","is_active");--> statement-breakpoint
CREATE INDEX "project_integrations_sync_status_index" ON "project_integrations" USING btree ("sync_status");