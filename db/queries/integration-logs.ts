import { eq, getTableColumns, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../client';
import { integrationLogs, type IntegrationLog } from '../schema';
import { cursorTime, keysetPage, type KeysetPage, type KeysetRequest, withCursor } from './keyset';

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

export type LogFilter = { status?: LogStatus; actionType?: LogAction };
export type ListedLog = IntegrationLog & { cursorAt: string };

/** One page of an integration's log, newest first, optionally by status and action (keyset: see keyset.ts). */
export async function listIntegrationLogsPage(db: DbOrTx, integrationId: string, request: LogFilter & KeysetRequest): Promise<KeysetPage<ListedLog>> {
  const where: SQL[] = [eq(integrationLogs.integrationId, integrationId)];
  if (request.status) where.push(eq(integrationLogs.status, request.status));
  if (request.actionType) where.push(eq(integrationLogs.actionType, request.actionType));
  return keysetPage({ time: integrationLogs.timestamp, id: integrationLogs.id }, request, (cursor, orderBy, limit) =>
    db
      .select({ ...getTableColumns(integrationLogs), cursorAt: cursorTime(integrationLogs.timestamp) })
      .from(integrationLogs)
      .where(withCursor(where, cursor))
      .orderBy(...orderBy)
      .limit(limit),
  );
}

/** The newest entries of an integration's log (the first page). */
export async function listIntegrationLogs(db: DbOrTx, integrationId: string, filter: LogFilter & { limit?: number } = {}): Promise<IntegrationLog[]> {
  return (await listIntegrationLogsPage(db, integrationId, { ...filter, limit: filter.limit ?? 100 })).rows;
}
