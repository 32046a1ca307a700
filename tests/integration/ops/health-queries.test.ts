import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { healthFigures } from '@/db/queries/health-figures';
import { healthCharts, recordQuotaSample } from '@/db/queries/health';
import { logAction } from '@/db/queries/integration-logs';
import { integrationWebhooks, syncRuns } from '@/db/schema';
import { raiseAlert } from '@/lib/alerts/raise';
import { rollupHealth } from '@/lib/ops/health-rollup';
import { eq } from 'drizzle-orm';
import { createWebhookIntegration } from '../webhooks/fixtures';

const hoursAgo = (h: number) => new Date(Date.now() - h * 3600_000);

describe('health dashboard aggregates', () => {
  it('counts deliveries, runs, errors, quota and recoveries per time bin', async () => {
    const db = getDb();
    const { integration, providerRowId } = await createWebhookIntegration('github');
    const other = await createWebhookIntegration('github');
    const statuses = ['processed', 'processed', 'failed', 'pending', 'no_handler', 'invalid'] as const;
    await db.insert(integrationWebhooks).values([
      ...statuses.map((status, i) => ({ integrationId: integration.id, providerId: providerRowId, deliveryId: `d${i}`, eventType: 'issues', payload: {}, status, receivedAt: hoursAgo(2) })),
      { integrationId: integration.id, providerId: providerRowId, deliveryId: 'old', eventType: 'issues', payload: {}, status: 'processed' as const, receivedAt: hoursAgo(30) },
      { integrationId: other.integration.id, providerId: providerRowId, deliveryId: 'x', eventType: 'issues', payload: {}, status: 'failed' as const },
    ]);
    await db.insert(syncRuns).values([
      { integrationId: integration.id, trigger: 'schedule', status: 'success', startedAt: hoursAgo(3) },
      { integrationId: integration.id, trigger: 'schedule', status: 'error', startedAt: hoursAgo(3) },
      { integrationId: integration.id, trigger: 'manual', status: 'success', startedAt: hoursAgo(1) },
    ]);
    const log = { providerId: providerRowId, integrationId: integration.id };
    await logAction(db, { ...log, actionType: 'sync', status: 'error', description: 'Sync failed' });
    await logAction(db, { ...log, actionType: 'sync', status: 'error', description: 'Sync failed' });
    await logAction(db, { ...log, actionType: 'auth', status: 'error', description: 'Bad credentials' });
    await logAction(db, { ...log, actionType: 'webhook', status: 'info', description: 'Recovered 4', details: { recovered: 4 } });
    await recordQuotaSample(db, integration.id, { limit: 5000, remaining: 4900 });
    await recordQuotaSample(db, integration.id, { limit: 5000, remaining: 4800 }); // same minute: replaces

    const day = await healthCharts(db, [integration.id], '24h');
    expect(day.deliveries.length).toBeGreaterThanOrEqual(24);
    const sum = (k: 'received' | 'processed' | 'failed' | 'pending') => day.deliveries.reduce((n, b) => n + b[k], 0);
    const totals = { received: sum('received'), processed: sum('processed'), failed: sum('failed'), pending: sum('pending') };
    expect(totals).toEqual({ received: 6, processed: 3, failed: 2, pending: 1 });
    const busy = day.runs.filter((r) => r.runs > 0);
    expect(busy.map((r) => [r.runs, r.successRate])).toEqual([[2, 50], [1, 100]]);
    expect(day.errorsByKind).toEqual([{ kind: 'sync', count: 2 }, { kind: 'auth', count: 1 }]);
    expect(day.quota).toEqual([{ at: expect.any(String), remaining: 4800, limit: 5000 }]);
    expect(day.recovered).toBe(4);

    const week = await healthCharts(db, [integration.id], '7d');
    expect(week.deliveries.reduce((n, b) => n + b.received, 0)).toBe(7);
    const both = await healthCharts(db, [integration.id, other.integration.id], '24h');
    expect(both.deliveries.reduce((n, b) => n + b.failed, 0)).toBe(3);
    expect(await healthCharts(db, [], '30d')).toMatchObject({ deliveries: [], recovered: 0 });

    // Rolled up into hours, the same answers (closed hours from the rollup, the current hour live).
    const strip = (c: Awaited<ReturnType<typeof healthCharts>>) => ({ ...c, errorsByKind: [...c.errorsByKind].sort((a, b) => a.kind.localeCompare(b.kind)) });
    const liveDay = strip(day);
    const liveWeek = strip(week);
    expect(await rollupHealth(db, [integration.id, other.integration.id])).toBe(2);
    expect(strip(await healthCharts(db, [integration.id], '24h'))).toEqual(liveDay);
    expect(strip(await healthCharts(db, [integration.id], '7d'))).toEqual(liveWeek);
    // A pending delivery processed later: the next rollup (which rewrites the last 24 h) sees it.
    await db.update(integrationWebhooks).set({ status: 'processed' }).where(eq(integrationWebhooks.deliveryId, 'd3'));
    await rollupHealth(db, [integration.id]);
    const after = await healthCharts(db, [integration.id], '24h');
    expect(after.deliveries.reduce((n, b) => n + b.pending, 0)).toBe(0);
    expect(after.deliveries.reduce((n, b) => n + b.processed, 0)).toBe(4);
    // A delivery of this hour is read live on top of the rollup.
    await db.insert(integrationWebhooks).values({ integrationId: integration.id, providerId: providerRowId, deliveryId: 'now', eventType: 'issues', payload: {}, status: 'failed' });
    expect((await healthCharts(db, [integration.id], '24h')).deliveries.reduce((n, b) => n + b.failed, 0)).toBe(3);

    await raiseAlert(db, integration.id, 'breaker_tripped', 'x', {}, []);
    const figures = (await healthFigures(db, [integration.id])).get(integration.id)!;
    expect(figures).toMatchObject({ authMethod: 'token', openAlerts: ['breaker_tripped'], openConflicts: 0 });
    expect(figures.lastSuccessAt!.getTime()).toBeGreaterThan(hoursAgo(1.1).getTime());
    expect(figures.lastDeliveryAt!.getTime()).toBeGreaterThan(hoursAgo(2.1).getTime());
  });
});
