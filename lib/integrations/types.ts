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
  /**
   * Pulls ONE page of external changes into tasks (GitHub, Jira) and saves its cursor with
   * the page; the caller loops until `done` (an Inngest step per page, or in process).
   * Throws SyncPausedError (lib/sync) on rate limits, ReconnectNeededError on a refused token.
   * Absent: the provider has no sync yet.
   */
  sync?: (context: SyncContext) => Promise<SyncPageResult>;
  /** Cleans up on the provider's side before the integration is deleted (e.g. our webhook). */
  onDelete?: (connection: IntegrationConnection) => Promise<void>;
  /** Registers our webhook at the provider when the token may; otherwise says why (shown on the configure page). */
  registerWebhook?: (
    connection: IntegrationConnection,
    input: { url: string; secret: string },
  ) => Promise<{ ok: true; hookId: string } | { ok: false; reason: string }>;
  /** Export: creates the external item for a task and links it (returns the existing link if there is one). */
  exportTask?: (context: TaskSyncContext) => Promise<{ externalKey: string; externalUrl: string | null; created: boolean }>;
  /** Two-way: sends a task's edits to its linked item (per-field three-way merge against the snapshot). */
  pushTask?: (context: TaskSyncContext) => Promise<{ pushed: string[]; pulled: string[]; conflicts: number }>;
  /** Inbound webhooks: verification and splitting into deliveries (edge-safe). */
  webhook?: WebhookCapability;
  /** Processes a stored delivery. Absent: deliveries are recorded as "no handler yet". */
  handleWebhook?: WebhookHandler;
}

/** What export and push receive: one task of the integration's project. */
export type TaskSyncContext = {
  db: import('@/db/client').Db;
  integration: import('@/db/queries/integrations').IntegrationWithProvider;
  connection: IntegrationConnection;
  taskId: string;
};

/** What a provider's sync receives for one page. */
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

/** What a provider's webhook verifier receives: the exact bytes, decoded once, and the integration's secret. */
export type WebhookVerifyInput = {
  request: Request;
  url: URL;
  /** The raw body as received, decoded as UTF-8 (verified as bytes by HMAC helpers). */
  body: string;
  bodyBytes: Uint8Array<ArrayBuffer>;
  /** The integration's decrypted webhook secret (signing secret, channel token, clientState). */
  secret: () => Promise<string>;
  /** The integration's HMAC-SHA256 key for the secret, imported once and cached. */
  hmacKey: () => Promise<CryptoKey>;
  settings: Record<string, unknown>;
  now: Date;
};

/** One verified event ready to store; deliveryId is the provider's dedup key. */
export type VerifiedDelivery = { deliveryId: string; eventType: string; eventAction: string | null; payload: unknown };

/**
 * The verifier's verdict. `respond` answers a handshake directly (Slack url_verification,
 * Graph validationToken) without storing anything; `unauthenticated` when no secret was
 * checked (Graph's handshake): it is then rate-limited as an unverified request.
 */
export type WebhookVerdict =
  | { ok: true; kind: 'deliveries'; deliveries: VerifiedDelivery[] }
  | { ok: true; kind: 'respond'; response: Response; confirmsWebhook: boolean; unauthenticated?: boolean }
  | { ok: false; status: 400 | 401; reason: string };

/** Inbound webhooks of a provider: how to check and split a request. Edge-safe (Web APIs only). */
export type WebhookCapability = {
  /** Accepted media types; `null` in the list allows a body without Content-Type (Google push). */
  contentTypes: Array<string | null>;
  /** Extra request headers holding secrets, redacted before headers are stored. */
  secretHeaders: string[];
  /** Event types that prove the webhook is set up (GitHub `ping`, Google `sync`). */
  confirmationEvents: string[];
  verify: (input: WebhookVerifyInput) => Promise<WebhookVerdict>;
  /** For providers that may send unsigned deliveries: the `?token=` value, derived from the secret. */
  urlToken?: (secret: string) => Promise<string>;
};

/** What a provider's webhook handler gets: a database, the integration, and its credentials on demand. */
export type WebhookHandlerContext = {
  db: import('@/db/client').Db;
  integration: import('@/db/queries/integrations').IntegrationWithProvider;
  loadConnection: () => Promise<IntegrationConnection>;
};

/** A stored delivery as the handler sees it. */
export type StoredDelivery = {
  id: string;
  deliveryId: string;
  eventType: string;
  eventAction: string | null;
  payload: unknown;
  receivedAt: Date;
  attempts: number;
};

/**
 * Provider-specific processing of a stored delivery (e.g. GitHub issues → tasks). Must be
 * idempotent: replays and redeliveries call it again. Throw PermanentWebhookError
 * (lib/webhooks/errors.ts) for failures a retry cannot fix; other errors are retried.
 */
export type WebhookHandler = (ctx: WebhookHandlerContext, delivery: StoredDelivery) => Promise<Record<string, unknown>>;
