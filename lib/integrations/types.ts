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

/** Each capability's interface (./contract, one small interface each). */
export type Capabilities = {
  /** Test; clean-up on delete. */
  connection: ConnectionCapability;
  /** Authorization URL, exchange, refresh, revoke (lib/integrations/oauth runs the flow). */
  oauth: OAuthCapability;
  /** Push channels we create and renew (hooks, watch channels, Graph subscriptions). */
  subscription: SubscriptionCapability;
  /** The edge slice: verify and split a request, and `ack` the immediate reply. */
  webhook: WebhookCapability;
  /** Process a stored delivery. */
  inbound: InboundCapability;
  /** Pull/identify/map/create/write items; the engine does the rest (GitHub, Jira). */
  taskSync: TaskSyncCapability<any, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  /** Post local changes (Slack). */
  notify: NotifyCapability;
  /** Deadlines as events, and moved/deleted events back (Google, Outlook). */
  calendar: CalendarCapability;
};
export type Capability = keyof Capabilities;

/**
 * How a provider loads its capabilities (cal.com's calendarLoaders): each one a dynamic
 * import, so the SDK behind it loads on first use, never with a page that shows a label.
 */
export type CapabilityLoaders = { [C in Capability]?: () => Promise<Capabilities[C]> };

/** What a provider is without any SDK: names, settings, how to find its external object. */
export interface ProviderInfo<TSettings extends Record<string, unknown> = Record<string, unknown>> {
  /** Registry key, database enum value and webhook URL segment. */
  id: ProviderType;
  defaults: ProviderDefaults;
  externalId: ExternalIdField;
  /** Provider settings stored on the integration, validated on save. */
  settingsSchema: z.ZodType<TSettings>;
  /** Where to put the webhook on the provider's side, shown on the configure page. */
  webhookHelp: string;
}

/**
 * A provider's core (lib/integrations/<provider>/core.ts): its info plus the loaders of the
 * capabilities it has. A provider has a whole capability or none of it; engines ask
 * `providersWith('taskSync')` (registry.ts), never for a slug. Labels, pickers and tabs read
 * the core only (`getProviderCore`, `hasCapability`) and load no SDK.
 */
export interface ProviderCore<TSettings extends Record<string, unknown> = Record<string, unknown>> extends ProviderInfo<TSettings> {
  load: CapabilityLoaders;
}

/** A provider with every capability it has loaded (`loadProvider`): what the OAuth flow and the connection test take. */
export type ProviderDefinition<TSettings extends Record<string, unknown> = Record<string, unknown>> =
  ProviderInfo<TSettings> & { [C in Capability]?: Capabilities[C] } & {
    /** A core is not a loaded provider: passing one where capabilities are read is a type error. */
    load?: never;
  };

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

/** A provider with capability C loaded (`providerWith`, `providersWith`); the others are not. */
export type ProviderWith<C extends Capability> = ProviderInfo & { [K in C]: Capabilities[K] };
