import { and, eq, getTableColumns, inArray, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client';
import { integrationWebhooks, type IntegrationWebhook } from '../schema';
import { cursorTime, keysetPage, type KeysetPage, type KeysetRequest, withCursor } from './keyset';

/**
 * Reads of stored webhook deliveries: the logs page's history and details, and the checks the
 * providers make against what arrived (missed-delivery recovery, out-of-order removals).
 */
export type WebhookDeliveryStatus = IntegrationWebhook['status'];
/** A listed delivery without its payload and headers: the logs page fetches those when a row is opened. */
export type ListedDelivery = Omit<IntegrationWebhook, 'payload' | 'headers'> & { cursorAt: string };

const { payload: _payload, headers: _headers, ...listedColumns } = getTableColumns(integrationWebhooks);

/** The logs page's delivery history: one page, newest first, optionally by status and event type (keyset: see keyset.ts). */
export async function listWebhookDeliveries(
  db: DbOrTx,
  integrationId: string,
  request: { status?: WebhookDeliveryStatus; eventType?: string } & Partial<KeysetRequest> = {},
): Promise<KeysetPage<ListedDelivery>> {
  const where: SQL[] = [eq(integrationWebhooks.integrationId, integrationId)];
  if (request.status) where.push(eq(integrationWebhooks.status, request.status));
  if (request.eventType) where.push(eq(integrationWebhooks.eventType, request.eventType));
  return keysetPage({ time: integrationWebhooks.receivedAt, id: integrationWebhooks.id }, { ...request, limit: request.limit ?? 50 }, (cursor, orderBy, limit) =>
    db
      .select({ ...listedColumns, cursorAt: cursorTime(integrationWebhooks.receivedAt) })
      .from(integrationWebhooks)
      .where(withCursor(where, cursor))
      .orderBy(...orderBy)
      .limit(limit),
  );
}

/** One delivery's payload, headers and status (the logs page's expander and replay), scoped to the integration. */
export async function getDeliveryDetails(db: DbOrTx, integrationId: string, deliveryId: string) {
  const [row] = await db
    .select({ status: integrationWebhooks.status, payload: integrationWebhooks.payload, headers: integrationWebhooks.headers, processedAt: integrationWebhooks.processedAt, error: integrationWebhooks.error })
    .from(integrationWebhooks)
    .where(and(eq(integrationWebhooks.integrationId, integrationId), eq(integrationWebhooks.id, deliveryId)));
  return row;
}

/** Status of some deliveries of one integration (the logs page polls the rows still pending or processing). */
export async function getDeliveryStatuses(db: DbOrTx, integrationId: string, deliveryIds: string[]) {
  if (deliveryIds.length === 0) return [];
  return db
    .select({ id: integrationWebhooks.id, status: integrationWebhooks.status })
    .from(integrationWebhooks)
    .where(and(eq(integrationWebhooks.integrationId, integrationId), inArray(integrationWebhooks.id, deliveryIds)));
}

/** Which of these delivery ids (a provider's guids) an integration has stored, asked 500 at a time. */
export async function storedDeliveryIds(db: DbOrTx, integrationId: string, deliveryIds: string[]): Promise<Set<string>> {
  const stored = new Set<string>();
  for (let i = 0; i < deliveryIds.length; i += 500) {
    const rows = await db
      .select({ deliveryId: integrationWebhooks.deliveryId })
      .from(integrationWebhooks)
      .where(and(eq(integrationWebhooks.integrationId, integrationId), inArray(integrationWebhooks.deliveryId, deliveryIds.slice(i, i + 500))));
    for (const r of rows) stored.add(r.deliveryId);
  }
  return stored;
}

/**
 * Whether a delivery of `eventType` with action deleted or transferred names the object: the
 * payload's `object.id` (e.g. issue.id, comment.id) is `id`.
 */
export async function hasRemovalDelivery(
  db: DbOrTx,
  integrationId: string,
  of: { eventType: string; object: string; id: number },
): Promise<boolean> {
  const [row] = await db
    .select({ id: integrationWebhooks.id })
    .from(integrationWebhooks)
    .where(and(
      eq(integrationWebhooks.integrationId, integrationId), eq(integrationWebhooks.eventType, of.eventType),
      inArray(integrationWebhooks.eventAction, ['deleted', 'transferred']),
      sql`${integrationWebhooks.payload} -> ${of.object}::text ->> 'id' = ${String(of.id)}`,
    ))
    .limit(1);
  return Boolean(row);
}
