import type { IntegrationConnection } from './connection';

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
  /**
   * `ack`: the immediate reply for deliveries that need one, built after the deliveries are
   * stored (Slack: a slash command's or button's ephemeral answer within 3 s). Absent → 202.
   * Work that takes longer answers later through the delivery's `response_url`.
   */
  ack?: (deliveries: VerifiedDelivery[], input: { integrationId: string; now: Date }) => Promise<Response | null>;
};

/** A timeline entry a processor records on a linked task (a comment, a pull request that fixes it). */
export type TimelineEntry = {
  taskId: string;
  kind: 'comment' | 'linked_pr';
  summary: string;
  details: Record<string, unknown>;
  externalActor?: string | null;
  /** Dedup key: a redelivered event records nothing twice. */
  externalEventId: string;
};

/**
 * What the task-sync engine offers the processor of a `taskSync` provider: items go through
 * the same merge/write/push path as a sync page, so a webhook lands exactly as a sync would.
 */
export type InboundItems = {
  /**
   * Applies one item: merge against its link, write, push back what Taskbridge kept. An item
   * not linked yet is imported unless the integration's filter refuses it or `isRemoved` says
   * it was deleted meanwhile (webhooks arrive out of order).
   * Returns { unchanged: true } for an echo or a stale item, { skipped } when not imported.
   */
  apply: (item: unknown, opts?: { isRemoved?: () => Promise<boolean> }) => Promise<Record<string, unknown>>;
  /** The item is gone or moved: its task is kept and unlinked, with `why` shown on the task. */
  unlink: (externalId: string, why: string) => Promise<{ unlinked: boolean; taskId?: string }>;
  /** The task linked to an item, by id or by key. */
  taskOf: (ref: { externalId: string } | { externalKey: string }) => Promise<string | null>;
  /** Records a timeline entry once per externalEventId; returns how many rows were written (0 or 1). */
  record: (entry: TimelineEntry) => Promise<number>;
};

/** What a provider's processor gets: a database, the integration, and its credentials on demand. */
export type InboundContext = {
  db: import('@/db/client').Db;
  integration: import('@/db/queries/integrations').IntegrationWithProvider;
  loadConnection: () => Promise<IntegrationConnection>;
  /** Present for providers with `taskSync`. */
  items?: InboundItems;
};

/** A stored delivery as the processor sees it. */
export type StoredDelivery = {
  id: string;
  deliveryId: string;
  eventType: string;
  eventAction: string | null;
  payload: unknown;
  receivedAt: Date;
  attempts: number;
};

/** Processes one stored delivery (the other side of the queue from the edge route that receives it). */
export type DeliveryProcessor = (ctx: InboundContext, delivery: StoredDelivery) => Promise<Record<string, unknown>>;

/**
 * `inbound`: processing of a stored delivery (GitHub issues → tasks, Slack commands, calendar
 * pushes → incremental pull). Must be idempotent: replays and redeliveries call it again.
 * Throw PermanentWebhookError (lib/integrations/kit/errors.ts) for failures a retry cannot fix; other
 * errors are retried.
 */
export type InboundCapability = {
  process: DeliveryProcessor;
};
