import { and, desc, eq, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../client';
import { integrationWebhooks, type IntegrationWebhook } from '../schema';

export type WebhookDeliveryStatus = IntegrationWebhook['status'];

/** The logs page's delivery history: newest first, optionally by status and event type. */
export async function listWebhookDeliveries(
  db: DbOrTx,
  integrationId: string,
  filter: { status?: WebhookDeliveryStatus; eventType?: string; limit?: number } = {},
): Promise<IntegrationWebhook[]> {
  const where: SQL[] = [eq(integrationWebhooks.integrationId, integrationId)];
  if (filter.status) where.push(eq(integrationWebhooks.status, filter.status));
  if (filter.eventType) where.push(eq(integrationWebhooks.eventType, filter.eventType));
  return db
    .select()
    .from(integrationWebhooks)
    .where(and(...where))
    .orderBy(desc(integrationWebhooks.receivedAt))
    .limit(filter.limit ?? 50);
}
