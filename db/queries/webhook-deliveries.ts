import { eq, getTableColumns, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../client';
import { integrationWebhooks, type IntegrationWebhook } from '../schema';
import { cursorTime, keysetPage, type KeysetPage, type KeysetRequest, withCursor } from './keyset';

export type WebhookDeliveryStatus = IntegrationWebhook['status'];
export type ListedDelivery = IntegrationWebhook & { cursorAt: string };

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
      .select({ ...getTableColumns(integrationWebhooks), cursorAt: cursorTime(integrationWebhooks.receivedAt) })
      .from(integrationWebhooks)
      .where(withCursor(where, cursor))
      .orderBy(...orderBy)
      .limit(limit),
  );
}
