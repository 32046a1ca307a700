import { and, desc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../client';
import { integrationLogs } from '../schema';

/** What counts as the integration working (saving its settings or testing its token does not). */
const WORK = ['sync', 'webhook', 'api_call', 'export'] as const;

export type IntegrationHealth = { lastSuccessAt: Date | null; lastError: { at: Date; description: string } | null };

/**
 * Health at a glance for the integration list: when each integration last did its work
 * (a sync, a webhook, an export) successfully, and its latest error of that work. One indexed lookup per integration and status
 * (integration_logs (integration_id, status, timestamp, id)), so it stays cheap with 100k logs.
 */
export async function listIntegrationHealth(db: DbOrTx, integrationIds: string[]): Promise<Map<string, IntegrationHealth>> {
  const out = new Map<string, IntegrationHealth>(integrationIds.map((id) => [id, { lastSuccessAt: null, lastError: null }]));
  if (integrationIds.length === 0) return out;
  const latest = (id: string, status: 'success' | 'error') =>
    db
      .select({ at: integrationLogs.timestamp, description: integrationLogs.description })
      .from(integrationLogs)
      .where(and(eq(integrationLogs.integrationId, id), eq(integrationLogs.status, status), inArray(integrationLogs.actionType, WORK)))
      .orderBy(desc(integrationLogs.timestamp), desc(integrationLogs.id))
      .limit(1);
  await Promise.all(
    integrationIds.map(async (id) => {
      const [[ok], [bad]] = await Promise.all([latest(id, 'success'), latest(id, 'error')]);
      out.set(id, { lastSuccessAt: ok?.at ?? null, lastError: bad ? { at: bad.at, description: bad.description } : null });
    }),
  );
  return out;
}
