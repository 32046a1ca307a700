import { and, desc, eq, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../client';
import { integrationLogs, type IntegrationLog } from '../schema';

type LogAction = IntegrationLog['actionType'];
type LogStatus = IntegrationLog['status'];

/** The seed's IntegrationLog.log_action. Callers must not put secrets in description/details. */
export async function logAction(
  db: DbOrTx,
  entry: {
    actionType: LogAction;
    providerId: string;
    description: string;
    integrationId?: string | null;
    status?: LogStatus;
    durationMs?: number | null;
    details?: Record<string, unknown>;
  },
): Promise<IntegrationLog> {
  const [row] = await db
    .insert(integrationLogs)
    .values({
      actionType: entry.actionType,
      providerId: entry.providerId,
      description: entry.description,
      integrationId: entry.integrationId ?? null,
      status: entry.status ?? 'success',
      durationMs: entry.durationMs == null ? null : Math.round(entry.durationMs),
      details: entry.details ?? {},
    })
    .returning();
  return row!;
}

export async function listIntegrationLogs(
  db: DbOrTx,
  integrationId: string,
  filter: { status?: LogStatus; actionType?: LogAction; limit?: number } = {},
): Promise<IntegrationLog[]> {
  const where: SQL[] = [eq(integrationLogs.integrationId, integrationId)];
  if (filter.status) where.push(eq(integrationLogs.status, filter.status));
  if (filter.actionType) where.push(eq(integrationLogs.actionType, filter.actionType));
  return db
    .select()
    .from(integrationLogs)
    .where(and(...where))
    .orderBy(desc(integrationLogs.timestamp))
    .limit(filter.limit ?? 100);
}
