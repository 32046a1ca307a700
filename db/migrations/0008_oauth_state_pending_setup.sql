ALTER TABLE "oauth_states" ALTER COLUMN "integration_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "oauth_states" ADD COLUMN "project_id" uuid;--> statement-breakpoint
ALTER TABLE "oauth_states" ADD COLUMN "pending_setup" jsonb;--> statement-breakpoint
ALTER TABLE "oauth_states" ADD CONSTRAINT "oauth_states_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "oauth_states" ADD CONSTRAINT "oauth_states_target" CHECK ("oauth_states"."integration_id" IS NOT NULL OR ("oauth_states"."project_id" IS NOT NULL AND "oauth_states"."pending_setup" IS NOT NULL));