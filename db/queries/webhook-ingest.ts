import { and, eq, inArray, lt, or, sql } from 'drizzle-orm';
import type { ProviderType } from '@/lib/integrations/provider-types';
import type { DbOrTx } from '../client';
import { integrationProviders, integrationWebhooks, type IntegrationWebhook, projectIntegrations } from '../schema';

/**
 * Write side of the webhook pipeline (ingest, processing, sweep, replay). The reads (the logs page,
 * recovery) are ./webhook-deliveries.ts.
 */
export type WebhookTarget = {
  id: string;
  providerRowId: string;
  providerType: ProviderType;
  webhookSecret: string;
  settings: Record<string, unknown>;
};

/** The one select per webhook request: an active integration of an active provider, or nothing. */
export async function findWebhookTarget(db: DbOrTx, integrationId: string): Promise<WebhookTarget | undefined> {
  const [row] = await db
    .select({
      id: projectIntegrations.id,
      providerRowId: projectIntegrations.providerId,
      providerType: integrationProviders.providerType,
      webhookSecret: projectIntegrations.webhookSecret,
      settings: projectIntegrations.settings,
    })
    .from(projectIntegrations)
    .innerJoin(integrationProviders, eq(integrationProviders.id, projectIntegrations.providerId))
    .where(
      and(
        eq(projectIntegrations.id, integrationId),
        eq(projectIntegrations.isActive, true),
        eq(integrationProviders.isActive, true),
      ),
    );
  return row;
}

export type NewDelivery = {
  integrationId: string;
  providerId: string;
  deliveryId: string;
  eventType: string;
  eventAction: string | null;
  payload: unknown;
  headers: Record<string, string>;
};

/** Stores verified deliveries once: a redelivery hits the unique key and is not returned. */
export async function recordDeliveries(
  db: DbOrTx,
  rows: NewDelivery[],
): Promise<Array<{ id: string; integrationId: string; deliveryId: string }>> {
  if (rows.length === 0) return [];
  return db
    .insert(integrationWebhooks)
    .values(rows)
    .onConflictDoNothing({ target: [integrationWebhooks.integrationId, integrationWebhooks.deliveryId] })
    .returning({ id: integrationWebhooks.id, integrationId: integrationWebhooks.integrationId, deliveryId: integrationWebhooks.deliveryId });
}

/** A processing claim holds a lease this long, renewed while the attempt runs; a lapsed lease is a crashed attempt. */
const leaseOverride = Number(process.env.WEBHOOK_CLAIM_LEASE_MS);
/** A processing claim's lease (60 s); WEBHOOK_CLAIM_LEASE_MS shortens it for the fault suite. */
export const CLAIM_LEASE_MS = Number.isFinite(leaseOverride) && leaseOverride >= 1000 ? leaseOverride : 60_000;

/** A 'processing' row whose lease lapsed (rows claimed before leases existed: counted from the attempt's start). */
const leaseLapsed = (now: Date) =>
  and(
    eq(integrationWebhooks.status, 'processing'),
    lt(sql`coalesce(${integrationWebhooks.leaseExpiresAt}, ${integrationWebhooks.lastAttemptAt})`, now),
  );

/**
 * Takes a delivery for processing; only one caller wins (a single conditional UPDATE).
 * Pending and failed deliveries can be claimed, and 'processing' ones whose lease lapsed.
 */
export async function claimDelivery(db: DbOrTx, id: string, now = new Date()): Promise<IntegrationWebhook | undefined> {
  const [row] = await db
    .update(integrationWebhooks)
    .set({
      status: 'processing',
      attempts: sql`${integrationWebhooks.attempts} + 1`,
      lastAttemptAt: now,
      leaseExpiresAt: new Date(now.getTime() + CLAIM_LEASE_MS),
    })
    .where(and(eq(integrationWebhooks.id, id), or(inArray(integrationWebhooks.status, ['pending', 'failed']), leaseLapsed(now))))
    .returning();
  return row;
}

/**
 * Extends the lease of a claim still held: same delivery, still processing, same attempt (a
 * reclaim counts a new attempt). False when the claim is no longer ours.
 */
export async function renewDeliveryLease(db: DbOrTx, claim: { id: string; attempts: number }, now = new Date()): Promise<boolean> {
  const rows = await db
    .update(integrationWebhooks)
    .set({ leaseExpiresAt: new Date(now.getTime() + CLAIM_LEASE_MS) })
    .where(
      and(
        eq(integrationWebhooks.id, claim.id),
        eq(integrationWebhooks.status, 'processing'),
        eq(integrationWebhooks.attempts, claim.attempts),
      ),
    )
    .returning({ id: integrationWebhooks.id });
  return rows.length > 0;
}

/**
 * Records the outcome of an attempt on the claimed delivery (`invalid`: malformed payload,
 * final). Only the current claim may: an attempt whose lease lapsed and was reclaimed (a new
 * attempt number) writes nothing.
 */
export async function finishDelivery(
  db: DbOrTx,
  claim: { id: string; attempts: number },
  outcome: { status: 'processed' | 'no_handler' | 'failed' | 'invalid' | 'pending'; result?: unknown; error?: string | null },
): Promise<void> {
  const done = outcome.status === 'processed' || outcome.status === 'no_handler';
  await db
    .update(integrationWebhooks)
    .set({
      status: outcome.status,
      processed: done,
      result: outcome.result ?? null,
      error: outcome.error ?? null,
      processedAt: done ? new Date() : null,
      leaseExpiresAt: null,
    })
    .where(
      and(
        eq(integrationWebhooks.id, claim.id),
        eq(integrationWebhooks.status, 'processing'),
        eq(integrationWebhooks.attempts, claim.attempts),
      ),
    );
}

/** GitHub ping, Google sync, Slack/Graph handshakes: the provider reached us with the right secret. */
export async function markWebhookConfirmed(db: DbOrTx, integrationId: string, now = new Date()): Promise<void> {
  await db
    .update(projectIntegrations)
    .set({ webhookConfirmedAt: now, updatedAt: now })
    .where(eq(projectIntegrations.id, integrationId));
}

/**
 * Deliveries the sweep should hand out again: pending ones not touched for a backoff that
 * doubles per attempt (1, 2, 4 … 64 min), and 'processing' ones whose lease lapsed.
 * `integrationId` narrows it to one integration (a sweep of that integration only).
 */
export async function listSweepableDeliveries(db: DbOrTx, now = new Date(), limit = 200, integrationId?: string) {
  return db
    .select({ id: integrationWebhooks.id, integrationId: integrationWebhooks.integrationId, attempts: integrationWebhooks.attempts })
    .from(integrationWebhooks)
    .where(and(
      integrationId ? eq(integrationWebhooks.integrationId, integrationId) : undefined,
      or(
        and(
          eq(integrationWebhooks.status, 'pending'),
          sql`coalesce(${integrationWebhooks.lastAttemptAt}, ${integrationWebhooks.receivedAt}) + make_interval(mins => power(2, least(${integrationWebhooks.attempts}, 6))::int) <= ${now}`,
        ),
        leaseLapsed(now),
      ),
    ))
    .orderBy(integrationWebhooks.receivedAt)
    .limit(limit);
}

/**
 * Puts deliveries of one integration back to pending for a replay (attempts restart).
 * `ids` null: every failed one (not `invalid` ones: their payload will not parse on a rerun).
 * Named ids may be invalid ones (after a fix to the handler). Deliveries being processed
 * right now are left alone.
 */
export async function requeueDeliveries(db: DbOrTx, integrationId: string, ids: string[] | null) {
  return db
    .update(integrationWebhooks)
    .set({ status: 'pending', attempts: 0, error: null, processed: false, processedAt: null })
    .where(
      and(
        eq(integrationWebhooks.integrationId, integrationId),
        ids ? inArray(integrationWebhooks.id, ids) : eq(integrationWebhooks.status, 'failed'),
        inArray(integrationWebhooks.status, ids ? ['failed', 'invalid', 'processed', 'no_handler', 'pending'] : ['failed']),
      ),
    )
    .returning({ id: integrationWebhooks.id });
}

/** Pending deliveries never attempted yet, oldest first (the in-process drain's work list). */
export async function listFreshDeliveries(db: DbOrTx, limit = 50) {
  return db
    .select({ id: integrationWebhooks.id })
    .from(integrationWebhooks)
    .where(and(eq(integrationWebhooks.status, 'pending'), eq(integrationWebhooks.attempts, 0)))
    .orderBy(integrationWebhooks.receivedAt)
    .limit(limit);
}

/** How many deliveries of an integration are failed (the logs page's "Replay all failed"). */
export async function countFailedDeliveries(db: DbOrTx, integrationId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(integrationWebhooks)
    .where(and(eq(integrationWebhooks.integrationId, integrationId), eq(integrationWebhooks.status, 'failed')));
  return row?.n ?? 0;
}
