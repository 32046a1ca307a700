import type { z } from 'zod';
import type { CalendarCapability } from './contract/calendar';
import type { ConnectionCapability, ExternalIdField, IntegrationConnection } from './contract/connection';
import type { InboundCapability, WebhookCapability } from './contract/inbound';
import type { NotifyCapability } from './contract/notify';
import type { OAuthCapability } from './contract/oauth';
import type { SubscriptionCapability } from './contract/subscription';
import type { TaskSyncCapability } from './contract/task-sync';
import type { ProviderType } from './provider-types';

export type * from './contract/calendar';
export type * from './contract/changes';
export type * from './contract/connection';
export type * from './contract/inbound';
export type * from './contract/notify';
export type * from './contract/oauth';
export type * from './contract/subscription';
export type * from './contract/task-sync';

/** What `npm run integrations:init` writes into integration_providers for a provider. */
export type ProviderDefaults = {
  name: string;
  description: string;
  apiBaseUrl: string;
  /** Env variable that overrides apiBaseUrl (GitHub Enterprise, local fakes in tests). */
  apiBaseUrlEnv: string;
  authUrl: string;
  tokenUrl: string;
  revokeUrl?: string;
  scopes: string[];
  webhookEvents: string[];
  /**
   * What works today, one short sentence each, shown on the picker card and the configure
   * page. List only what is built and tested: the engineer who ships a feature adds its line.
   * Empty: nothing works yet beyond saving the settings (the UI says so).
   */
  features: string[];
};

/**
 * A provider is a value implementing this core plus the capabilities it has. A provider has
 * a whole capability or none of it; engines ask `providersWith('taskSync')` (registry.ts),
 * never for a slug. Capabilities live in ./contract, one small interface each:
 * - `connection` — test; clean-up on delete;
 * - `oauth` — authorization URL, exchange, refresh, revoke (lib/integrations/oauth runs the flow);
 * - `subscription` — push channels we create and renew (hooks, watch channels, Graph subscriptions);
 * - `webhook` — the edge slice: verify and split a request, and `ack` the immediate reply;
 * - `inbound` — process a stored delivery;
 * - `taskSync` — pull/identify/map/create/write items; the engine does the rest (GitHub, Jira);
 * - `notify` — post local changes (Slack);
 * - `calendar` — deadlines as events, and moved/deleted events back (Google, Outlook).
 */
export interface ProviderDefinition<TSettings extends Record<string, unknown> = Record<string, unknown>> {
  /** Registry key, database enum value and webhook URL segment. */
  id: ProviderType;
  defaults: ProviderDefaults;
  externalId: ExternalIdField;
  /** Provider settings stored on the integration, validated on save. */
  settingsSchema: z.ZodType<TSettings>;
  /** Where to put the webhook on the provider's side, shown on the configure page. */
  webhookHelp: string;
  connection?: ConnectionCapability;
  oauth?: OAuthCapability;
  subscription?: SubscriptionCapability;
  /** Inbound webhooks: verification, splitting into deliveries and the immediate ack (edge-safe). */
  webhook?: WebhookCapability;
  inbound?: InboundCapability;
  taskSync?: TaskSyncCapability<any, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  notify?: NotifyCapability;
  calendar?: CalendarCapability;
}

/** What one sync page of the task-sync engine receives (lib/sync/engine/sync-page.ts). */
export type SyncContext = {
  db: import('@/db/client').Db;
  integration: import('@/db/queries/integrations').IntegrationWithProvider;
  connection: IntegrationConnection;
  /** The sync_runs row whose progress (and heartbeat_at) the page updates, in the same statement as its data. */
  runId: string;
  /** The provider's cursor as the previous page left it (null: start from the stored one or scratch). */
  cursor: Record<string, unknown> | null;
};
export type SyncProgress = { pages: number; fetched: number; created: number; updated: number; unchanged: number };
/** A page's outcome: its counts, the cursor for the next page, and the API quota seen. */
export type SyncPageResult = {
  cursor: Record<string, unknown>;
  done: boolean;
  progress: SyncProgress;
  /** The provider answered "nothing changed" (e.g. a 304 on If-None-Match). */
  notModified?: boolean;
  quota?: { limit: number | null; remaining: number | null; resetAt: string | null } | null;
};

export type Capability =
  'connection' | 'oauth' | 'subscription' | 'webhook' | 'inbound' | 'taskSync' | 'notify' | 'calendar';
/** A provider known to have capability C. */
export type ProviderWith<C extends Capability> = ProviderDefinition & { [K in C]-?: NonNullable<ProviderDefinition[K]> };
