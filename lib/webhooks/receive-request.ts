import { type Db, getDb } from '@/db/client';
import { logAction } from '@/db/queries/integration-logs';
import { findWebhookTarget, markWebhookConfirmed, type WebhookTarget } from '@/db/queries/webhook-ingest';
import type { ProviderType } from '@/lib/integrations/provider-types';
import { webhookCapabilities } from '@/lib/integrations/webhook-registry';
import { SecretUnreadableError } from '@/lib/crypto/secrets';
import { errorSummary } from '@/lib/errors';
import { webhookConfig } from './config';
import { storableJson } from '@/lib/integrations/kit/payload';
import { clientAddress } from './client-address';
import { afterResponse } from '@/lib/jobs/dispatch';
import { enqueueDelivery } from './enqueue';
import { recordDelivery } from './group-commit';
import { nudgeDrain } from '@/lib/jobs/in-process/nudge';
import { RateLimiter } from './rate-limit';
import { readBodyWithLimit } from './read-body';
import { redactHeaders } from './redact-headers';
import { describeRejections, RejectionCounter } from './rejections';
import { mediaType, rejection, webhookResponse, withWebhookHeaders } from './responses';
import { webhookSecretFor } from './secret-cache';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Two buckets, charged after verification so that a flood of unsigned requests never spends
 * the budget of genuine deliveries: verified deliveries per integration, everything that did
 * not verify per integration and client address (./client-address.ts).
 */
const limiter = new RateLimiter(webhookConfig().WEBHOOK_RATE_LIMIT_PER_MINUTE);
const unverifiedLimiter = new RateLimiter(webhookConfig().WEBHOOK_UNVERIFIED_RATE_LIMIT_PER_MINUTE);
/**
 * Rejected requests, one log write per integration per few seconds at most (no payload), that
 * names the reasons in words: "3 requests rejected: bad signature ×2, missing signature ×1".
 */
export const rejections = new RejectionCounter((s) =>
  logAction(getDb(), {
    actionType: 'webhook',
    status: 'warning',
    providerId: s.providerRowId,
    integrationId: s.integrationId,
    description: describeRejections(s),
    details: { rejected: s.count, reasons: s.reasons, since: s.since.toISOString() },
  }),
);

/** Tests inject the clock and the database (e.g. one that is down). */
const inflightLookups = new Map<string, Promise<WebhookTarget | undefined>>();

/**
 * Single-flight lookup: requests for the same integration that arrive while its select is
 * running share that select's answer (nothing is cached beyond it), so a burst of N
 * deliveries costs far fewer than N selects, and a deactivation still takes effect at once.
 */
function lookupTarget(db: Db, integrationId: string): Promise<WebhookTarget | undefined> {
  let pending = inflightLookups.get(integrationId);
  if (!pending) {
    pending = findWebhookTarget(db, integrationId).finally(() => inflightLookups.delete(integrationId));
    inflightLookups.set(integrationId, pending);
  }
  return pending;
}

export type ReceiveOptions = { now?: () => Date; db?: Db; runInProcess?: (origin: string) => Promise<unknown> };

/**
 * verify → rate-limit → record → enqueue → respond, for any provider. Answers 202 accepted,
 * 200 duplicate, 400/401/404/408/413/415/429 for bad requests, 503 only when storing failed.
 * Unverified bodies are never stored; the 2xx comes after the row is committed.
 */
export async function receiveWebhookRequest(
  providerType: ProviderType,
  request: Request,
  integrationId: string,
  options: ReceiveOptions = {},
): Promise<Response> {
  const capability = webhookCapabilities[providerType];
  if (!UUID.test(integrationId)) return rejection(404, 'unknown integration');
  const db = options.db ?? getDb();
  let target;
  try {
    target = await (options.db ? findWebhookTarget(db, integrationId) : lookupTarget(db, integrationId));
  } catch (err) {
    console.error(`[webhooks] ${providerType} lookup failed:`, errorSummary(err));
    return rejection(503, 'temporarily unable to record deliveries', { 'retry-after': '10' });
  }
  if (!target || target.providerType !== providerType) return rejection(404, 'unknown integration');
  const reject = (status: number, reason: string, headers?: Record<string, string>) => {
    rejections.record(target.id, target.providerRowId, `${status} ${reason}`);
    return rejection(status, reason, headers);
  };
  const unverifiedKey = `${target.id}|${clientAddress(request)}`;
  const overLimit = (limit: ReturnType<RateLimiter['take']>, headers?: Record<string, string>) =>
    limit.ok ? null : reject(429, 'rate limit exceeded', { ...headers, 'retry-after': String(limit.retryAfterSeconds) });
  /** Not verified: charged to the sender's own bucket; once that is empty the answer is 429 (same headers). */
  const rejectUnverified = (status: number, reason: string, headers?: Record<string, string>) =>
    overLimit(unverifiedLimiter.take(unverifiedKey), headers) ?? reject(status, reason, headers);

  if (!capability.contentTypes.includes(mediaType(request.headers.get('content-type')))) {
    return rejectUnverified(415, 'unsupported content type');
  }
  const config = webhookConfig();
  const body = await readBodyWithLimit(request, config.WEBHOOK_MAX_BODY_BYTES, config.WEBHOOK_BODY_TIMEOUT_MS);
  if (!body.ok) return rejectUnverified(body.status, body.reason, body.status === 408 ? { connection: 'close' } : undefined);

  let verdict;
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(body.bytes);
    const url = new URL(request.url);
    const secrets = webhookSecretFor(target.id, target.webhookSecret);
    const now = options.now?.() ?? new Date();
    verdict = await capability.verify({ request, url, body: text, bodyBytes: body.bytes, ...secrets, settings: target.settings, now });
  } catch (err) {
    // Our stored secret is unreadable (moved, tampered, key retired): nothing the sender can fix.
    if (err instanceof SecretUnreadableError) return reject(503, 'webhook secret unreadable: re-enter it on the configure page');
    verdict = { ok: false as const, status: 400 as const, reason: 'body is not valid UTF-8' };
  }
  if (!verdict.ok) return rejectUnverified(verdict.status, verdict.reason);
  const unauthenticated = verdict.kind === 'respond' && verdict.unauthenticated === true;
  const limited = overLimit(unauthenticated ? unverifiedLimiter.take(unverifiedKey) : limiter.take(target.id));
  if (limited) return limited;
  if (verdict.kind === 'deliveries' && !verdict.deliveries.every((d) => storableJson(d.payload))) {
    return reject(400, 'body holds NUL characters, lone surrogates or nesting deeper than 64');
  }
  if (verdict.kind === 'respond') {
    if (verdict.confirmsWebhook) await markWebhookConfirmed(db, target.id).catch(() => {});
    return withWebhookHeaders(verdict.response);
  }

  const headers = redactHeaders(request.headers, capability.secretHeaders);
  let inserted: string[];
  try {
    const ids = await Promise.all(
      verdict.deliveries.map((d) => recordDelivery(db, { ...d, integrationId: target.id, providerId: target.providerRowId, headers })),
    );
    inserted = ids.filter((id): id is string => id !== null);
  } catch (err) {
    console.error(`[webhooks] ${providerType} delivery not recorded:`, errorSummary(err)); // never the payload
    return rejection(503, 'temporarily unable to record the delivery', { 'retry-after': '10' });
  }
  // Stored: hand off after the response (an Inngest send is not free); a lost send is swept.
  const origin = process.env.APP_URL || new URL(request.url).origin;
  afterResponse('webhook hand-off', async () => {
    for (const id of inserted) {
      await enqueueDelivery({ id, integrationId: target.id }, `webhook-${id}`, () => (options.runInProcess ?? nudgeDrain)(origin));
    }
  });
  // The provider's immediate reply (Slack: a command's ephemeral answer), now that the rows are
  // committed. Built from the verified payload only, so a duplicate gets the same answer.
  if (capability.ack) {
    const reply = await capability.ack(verdict.deliveries, { integrationId: target.id, now: options.now?.() ?? new Date() }).catch((err) => {
      console.error(`[webhooks] ${providerType} ack failed:`, errorSummary(err));
      return null;
    });
    if (reply) return withWebhookHeaders(reply);
  }
  if (inserted.length === 0) return webhookResponse(200, { ok: true, duplicate: true });
  return webhookResponse(202, { ok: true, accepted: inserted.length, duplicates: verdict.deliveries.length - inserted.length });
}
