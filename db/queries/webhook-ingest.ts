import { and, eq, inArray, lt, or, sql } from 'drizzle-orm';
import type { ProviderId } from '@/lib/integrations/provider-ids';
import type { DbOrTx } from '../client';
import { integrationProviders, integrationWebhooks, type IntegrationWebhook, projectIntegrations } from '../schema';

/**
 * Write side of the webhook pipeline (ingest, processing, sweep, replay). The logs page's
 * read side is ./webhook-deliveries.ts.
 */
export type WebhookTarget = {
  id: string;
  providerRowId: string;
  providerType: ProviderId;
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

/** A 'processing' claim older than this is treated as a crashed attempt and may be taken again. */
export const STALE_CLAIM_MS = 10 * 60_000;

/**
 * Takes a delivery for processing; only one caller wins (a single conditional UPDATE).
 * Pending and failed deliveries can be claimed, and 'processing' ones whose claim is stale.
 */
export async function claimDelivery(db: DbOrTx, id: string, now = new Date()): Promise<IntegrationWebhook | undefined> {
  const staleBefore = new Date(now.getTime() - STALE_CLAIM_MS);
  const [row] = await db
    .update(integrationWebhooks)
    .set({ status: 'processing', attempts: sql`${integrationWebhooks.attempts} + 1`, lastAttemptAt: now })
    .where(
      and(
        eq(integrationWebhooks.id, id),
        or(
          inArray(integrationWebhooks.status, ['pending', 'failed']),
          and(eq(integrationWebhooks.status, 'processing'), lt(integrationWebhooks.lastAttemptAt, staleBefore)),
        ),
      ),
    )
    .returning();
  return row;
}

/** Records the outcome of an attempt on the claimed delivery. */
export async function finishDelivery(
  db: DbOrTx,
  id: string,
  outcome: { status: 'processed' | 'no_handler' | 'failed' | 'pending'; result?: unknown; error?: string | null },
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
    })
    .where(and(eq(integrationWebhooks.id, id), eq(integrationWebhooks.status, 'processing')));
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
 * doubles per attempt (1, 2, 4 … 64 min), and 'processing' ones whose claim went stale.
 */
export async function listSweepableDeliveries(db: DbOrTx, now = new Date(), limit = 200) {
  const staleBefore = new Date(now.getTime() - STALE_CLAIM_MS);
  return db
    .select({ id: integrationWebhooks.id, integrationId: integrationWebhooks.integrationId, attempts: integrationWebhooks.attempts })
    .from(integrationWebhooks)
    .where(
      or(
        and(
          eq(integrationWebhooks.status, 'pending'),
          sql`coalesce(${integrationWebhooks.lastAttemptAt}, ${integrationWebhooks.receivedAt}) + make_interval(mins => power(2, least(${integrationWebhooks.attempts}, 6))::int) <= ${now}`,
        ),
        and(eq(integrationWebhooks.status, 'processing'), lt(integrationWebhooks.lastAttemptAt, staleBefore)),
      ),
    )
    .orderBy(integrationWebhooks.receivedAt)
    .limit(limit);
}

/**
 * Puts deliveries of one integration back to pending for a replay (attempts restart).
 * `ids` null: every failed one. Deliveries being processed right now are left alone.
 */
export async function requeueDeliveries(db: DbOrTx, integrationId: string, ids: string[] | null) {
  return db
    .update(integrationWebhooks)
    .set({ status: 'pending', attempts: 0, error: null, processed: false, processedAt: null })
    .where(
      and(
        eq(integrationWebhooks.integrationId, integrationId),
        ids ? inArray(integrationWebhooks.id, ids) : eq(integrationWebhooks.status, 'failed'),
        inArray(integrationWebhooks.status, ids ? ['failed', 'processed', 'no_handler', 'pending'] : ['failed']),
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
