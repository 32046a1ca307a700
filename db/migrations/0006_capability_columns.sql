ALTER TABLE "project_integrations" ADD COLUMN "auth_method" text DEFAULT 'token' NOT NULL;--> statement-breakpoint
ALTER TABLE "project_integrations" ADD COLUMN "granted_scopes" text[];--> statement-breakpoint
ALTER TABLE "project_integrations" ADD COLUMN "oauth_account" jsonb;--> statement-breakpoint
ALTER TABLE "project_integrations" ADD COLUMN "token_refreshed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "project_integrations" ADD COLUMN "subscription_id" text;--> statement-breakpoint
ALTER TABLE "project_integrations" ADD COLUMN "subscription_resource_id" text;--> statement-breakpoint
ALTER TABLE "project_integrations" ADD COLUMN "subscription_expires_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "project_integrations_subscription_expires_at_index" ON "project_integrations" USING btree ("subscription_expires_at") WHERE "project_integrations"."subscription_expires_at" is not null;--> statement-breakpoint
CREATE INDEX "project_integrations_token_expires_at_index" ON "project_integrations" USING btree ("token_expires_at") WHERE "project_integrations"."token_expires_at" is not null;