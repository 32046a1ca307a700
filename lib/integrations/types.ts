import type { z } from 'zod';
import type { ProviderId } from './provider-ids';

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
};

/** Everything a provider call needs about one integration, secrets already decrypted. */
export type IntegrationConnection = {
  integrationId: string;
  apiBaseUrl: string;
  accessToken: string | null;
  externalId: string | null;
  settings: Record<string, unknown>;
};

export type ConnectionProblem = 'reconnect_needed' | 'not_found' | 'unreachable' | 'invalid_config' | 'unsupported';

export type ConnectionResult =
  | { ok: true; externalName?: string; details?: Record<string, unknown> }
  | { ok: false; problem: ConnectionProblem; message: string };

/** The external id field on the configure form: what it means for this provider. */
export type ExternalIdField = {
  label: string;
  placeholder: string;
  help: string;
  schema: z.ZodType<string>;
};

/**
 * A provider is a value implementing this one contract. Capabilities that only some
 * providers have (task sync, notifications, calendar events) are optional members, added
 * by their issues; the UI and jobs ask the registry, never switch on the provider slug.
 */
export interface ProviderDefinition<TSettings extends Record<string, unknown> = Record<string, unknown>> {
  /** Registry key, database enum value and webhook URL segment. */
  id: ProviderId;
  defaults: ProviderDefaults;
  externalId: ExternalIdField;
  /** Provider settings stored on the integration, validated on save. */
  settingsSchema: z.ZodType<TSettings>;
  /** Where to put the webhook on the provider's side, shown on the configure page. */
  webhookHelp: string;
  /** Checks the credentials and access to the external resource ("Save & test connection"). */
  testConnection?: (connection: IntegrationConnection) => Promise<ConnectionResult>;
  /** Pulls external changes into tasks (GitHub, Jira). Absent: the provider has no sync yet. */
  sync?: (context: SyncContext) => Promise<SyncOutcome>;
  /** Cleans up on the provider's side before the integration is deleted (e.g. our webhook). */
  onDelete?: (connection: IntegrationConnection) => Promise<void>;
}

/** What a provider's sync receives: the connection and a way to report progress. */
export type SyncContext = {
  connection: IntegrationConnection;
  /** Called after each page so the UI can show live progress. */
  reportProgress: (progress: SyncProgress) => Promise<void>;
};
export type SyncProgress = { pages: number; fetched: number; created: number; updated: number; unchanged: number };
export type SyncOutcome = SyncProgress & { notModified?: boolean };
