CREATE TYPE "public"."sync_run_status" AS ENUM('running', 'paused', 'success', 'error');--> statement-breakpoint
CREATE TYPE "public"."sync_run_trigger" AS ENUM('manual', 'schedule');--> statement-breakpoint
CREATE TYPE "public"."task_sync_event_kind" AS ENUM('imported', 'updated', 'pushed', 'exported', 'conflict', 'comment', 'unlinked', 'linked_pr');--> statement-breakpoint
CREATE TABLE "external_milestone_mappings" (
	"integration_id" uuid NOT NULL,
	"external_id" text NOT NULL,
	"milestone_id" uuid NOT NULL,
	CONSTRAINT "external_milestone_mappings_integration_id_external_id_pk" PRIMARY KEY("integration_id","external_id")
);
--> statement-breakpoint
CREATE TABLE "integration_api_quotas" (
	"integration_id" uuid PRIMARY KEY NOT NULL,
	"limit" integer,
	"remaining" integer,
	"reset_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sync_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"integration_id" uuid NOT NULL,
	"trigger" "sync_run_trigger" NOT NULL,
	"status" "sync_run_status" DEFAULT 'running' NOT NULL,
	"pages" integer DEFAULT 0 NOT NULL,
	"fetched" integer DEFAULT 0 NOT NULL,
	"created" integer DEFAULT 0 NOT NULL,
	"updated" integer DEFAULT 0 NOT NULL,
	"unchanged" integer DEFAULT 0 NOT NULL,
	"conflicts" integer DEFAULT 0 NOT NULL,
	"not_modified" boolean DEFAULT false NOT NULL,
	"resume_at" timestamp with time zone,
	"error" text,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"duration_ms" integer
);
--> statement-breakpoint
CREATE TABLE "task_sync_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"task_id" uuid NOT NULL,
	"integration_id" uuid NOT NULL,
	"kind" "task_sync_event_kind" NOT NULL,
	"summary" text NOT NULL,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"external_actor" text,
	"external_event_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "task_sync_events_integrationId_externalEventId_unique" UNIQUE("integration_id","external_event_id")
);
--> statement-breakpoint
ALTER TABLE "external_milestone_mappings" ADD CONSTRAINT "external_milestone_mappings_integration_id_project_integrations_id_fk" FOREIGN KEY ("integration_id") REFERENCES "public"."project_integrations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "external_milestone_mappings" ADD CONSTRAINT "external_milestone_mappings_milestone_id_milestones_id_fk" FOREIGN KEY ("milestone_id") REFERENCES "public"."milestones"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "integration_api_quotas" ADD CONSTRAINT "integration_api_quotas_integration_id_project_integrations_id_fk" FOREIGN KEY ("integration_id") REFERENCES "public"."project_integrations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sync_runs" ADD CONSTRAINT "sync_runs_integration_id_project_integrations_id_fk" FOREIGN KEY ("integration_id") REFERENCES "public"."project_integrations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_sync_events" ADD CONSTRAINT "task_sync_events_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_sync_events" ADD CONSTRAINT "task_sync_events_integration_id_project_integrations_id_fk" FOREIGN KEY ("integration_id") REFERENCES "public"."project_integrations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "sync_runs_integration_id_started_at_index" ON "sync_runs" USING btree ("integration_id","started_at");--> statement-breakpoint
CREATE INDEX "task_sync_events_task_id_created_at_index" ON "task_sync_events" USING btree ("task_id","created_at");