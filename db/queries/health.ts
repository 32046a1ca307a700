import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../client';
import { integrationQuotaSamples } from '../schema';

export const healthRanges = { '24h': { ms: 24 * 3600_000, bin: '1 hour' }, '7d': { ms: 7 * 86_400_000, bin: '6 hours' }, '30d': { ms: 30 * 86_400_000, bin: '1 day' } } as const;
export type HealthRange = keyof typeof healthRanges;

type Rows<T> = { rows: T[] };
const rows = async <T>(db: DbOrTx, query: ReturnType<typeof sql>) => ((await db.execute(query)) as unknown as Rows<T>).rows;
const ids = (integrationIds: string[]) => sql`array[${sql.join(integrationIds.map((id) => sql`${id}::uuid`), sql`, `)}]`;

/** One quota sample per integration and minute (the latest in that minute wins). */
export async function recordQuotaSample(db: DbOrTx, integrationId: string, quota: { limit: number | null; remaining: number | null } | null | undefined) {
  if (!quota || quota.remaining === null) return;
  await db
    .insert(integrationQuotaSamples)
    .values({ integrationId, sampledAt: sql`date_trunc('minute', now())`, limit: quota.limit, remaining: quota.remaining })
    .onConflictDoUpdate({
      target: [integrationQuotaSamples.integrationId, integrationQuotaSamples.sampledAt],
      set: { limit: quota.limit, remaining: quota.remaining },
    });
}

export type DeliveryBucket = { at: string; received: number; processed: number; failed: number; pending: number };
export type RunBucket = { at: string; runs: number; succeeded: number; failed: number; successRate: number | null };
export type QuotaBucket = { at: string; remaining: number; limit: number | null };
export type HealthCharts = {
  range: HealthRange;
  deliveries: DeliveryBucket[];
  runs: RunBucket[];
  errorsByKind: Array<{ kind: string; count: number }>;
  quota: QuotaBucket[];
  recovered: number;
  conflicts: number;
};

/**
 * Everything the dashboard charts, for one or several integrations over a range: each a
 * GROUP BY over time bins (date_bin) on an index that covers it, never a scan into JS.
 */
export async function healthCharts(db: DbOrTx, integrationIds: string[], range: HealthRange, now = new Date()): Promise<HealthCharts> {
  const empty: HealthCharts = { range, deliveries: [], runs: [], errorsByKind: [], quota: [], recovered: 0, conflicts: 0 };
  if (integrationIds.length === 0) return empty;
  const { ms, bin } = healthRanges[range];
  const from = new Date(now.getTime() - ms);
  const origin = sql`timestamptz '2000-01-01 00:00:00+00'`;
  const any = ids(integrationIds);
  // Closed hours come from the hourly rollup (lib/ops/health-rollup.ts) up to where every one
  // of these integrations is rolled; the rest (the current hour, anything not rolled) is live.
  const [state] = await rows<{ boundary: Date | string | null }>(db, sql`
    select case when bool_or(s.rolled_until is null) then null else min(s.rolled_until) end as boundary
    from unnest(${any}) as x(id) left join integration_health_rollup_state s on s.integration_id = x.id`);
  const boundary = state?.boundary ? new Date(state.boundary) : null;
  const liveFrom = boundary && boundary > from ? boundary : from;
  const rolledFrom = new Date(Math.floor(from.getTime() / 3600_000) * 3600_000);
  const rolled = liveFrom > from;
  const [deliveries, runs, errors, quota, [extra], hourly, hourlyErrors] = await Promise.all([
    rows<{ at: Date; received: number; processed: number; failed: number; pending: number }>(db, sql`
      select date_bin(${bin}::interval, received_at, ${origin}) as at, count(*)::int as received,
        count(*) filter (where status in ('processed', 'no_handler'))::int as processed,
        count(*) filter (where status in ('failed', 'invalid'))::int as failed,
        count(*) filter (where status in ('pending', 'processing'))::int as pending
      from integration_webhooks where integration_id = any(${any}) and received_at >= ${liveFrom}
      group by 1 order by 1`),
    rows<{ at: Date; runs: number; succeeded: number; failed: number }>(db, sql`
      select date_bin(${bin}::interval, started_at, ${origin}) as at, count(*)::int as runs,
        count(*) filter (where status = 'success')::int as succeeded,
        count(*) filter (where status in ('error', 'interrupted'))::int as failed
      from sync_runs where integration_id = any(${any}) and started_at >= ${liveFrom}
      group by 1 order by 1`),
    rows<{ kind: string; count: number }>(db, sql`
      select action_type::text as kind, count(*)::int as count
      from integration_logs where integration_id = any(${any}) and status = 'error' and timestamp >= ${liveFrom}
      group by 1`),
    rows<{ at: Date; remaining: number; limit: number | null }>(db, sql`
      select date_bin(${bin}::interval, sampled_at, ${origin}) as at, min(remaining)::int as remaining, max("limit")::int as "limit"
      from integration_quota_samples where integration_id = any(${any}) and sampled_at >= ${from}
      group by 1 order by 1`),
    rows<{ recovered: number; conflicts: number }>(db, sql`
      select
        (select coalesce(sum((details->>'recovered')::int), 0)::int from integration_logs
          where integration_id = any(${any}) and action_type = 'webhook' and timestamp >= ${from} and details ? 'recovered') as recovered,
        (select count(*)::int from task_sync_events
          where integration_id = any(${any}) and kind = 'conflict' and created_at >= ${from}) as conflicts`),
    rolled
      ? rows<{ at: Date; received: number; processed: number; failed: number; pending: number; runs: number; succeeded: number; runsFailed: number }>(db, sql`
          select date_bin(${bin}::interval, hour, ${origin}) as at, sum(received)::int as received, sum(processed)::int as processed,
            sum(failed)::int as failed, sum(pending)::int as pending, sum(runs)::int as runs, sum(runs_ok)::int as succeeded,
            sum(runs_failed)::int as "runsFailed"
          from integration_health_hourly where integration_id = any(${any}) and hour >= ${rolledFrom} and hour < ${liveFrom}
          group by 1`)
      : Promise.resolve([]),
    rolled
      ? rows<{ kind: string; count: number }>(db, sql`
          select e.key as kind, sum(e.value::int)::int as count
          from integration_health_hourly h, jsonb_each_text(h.errors) e
          where h.integration_id = any(${any}) and h.hour >= ${rolledFrom} and h.hour < ${liveFrom} and h.errors <> '{}'::jsonb
          group by 1`)
      : Promise.resolve([]),
  ]);
  for (const h of hourly) {
    if (h.received) deliveries.push({ at: h.at, received: h.received, processed: h.processed, failed: h.failed, pending: h.pending });
    if (h.runs) runs.push({ at: h.at, runs: h.runs, succeeded: h.succeeded, failed: h.runsFailed });
  }
  const errorsByKind = new Map<string, number>();
  for (const e of [...errors, ...hourlyErrors]) errorsByKind.set(e.kind, (errorsByKind.get(e.kind) ?? 0) + e.count);
  const iso = (d: Date | string) => new Date(d).toISOString();
  return {
    range,
    deliveries: fill(from, now, bin, sumByAt(deliveries.map((d) => ({ ...d, at: iso(d.at) }))), (at) => ({ at, received: 0, processed: 0, failed: 0, pending: 0 })),
    runs: fill(from, now, bin, sumByAt(runs.map((r) => ({ ...r, at: iso(r.at) }))).map((r) => ({ ...r, successRate: r.runs ? Math.round((100 * r.succeeded) / r.runs) : null })), (at) => ({
      at, runs: 0, succeeded: 0, failed: 0, successRate: null,
    })),
    errorsByKind: [...errorsByKind].map(([kind, count]) => ({ kind, count })).sort((a, b) => b.count - a.count || a.kind.localeCompare(b.kind)),
    quota: quota.map((q) => ({ ...q, at: iso(q.at) })),
    recovered: extra?.recovered ?? 0,
    conflicts: extra?.conflicts ?? 0,
  };
}

/** Adds up rows of the same bin (a bin can get a part from the rollup and a part live). */
function sumByAt<T extends { at: string } & Record<string, number | string>>(list: T[]): T[] {
  const out = new Map<string, T>();
  for (const row of list) {
    const seen = out.get(row.at);
    if (!seen) out.set(row.at, { ...row });
    else for (const [k, v] of Object.entries(row)) if (typeof v === 'number') (seen as Record<string, unknown>)[k] = (seen[k] as number) + v;
  }
  return [...out.values()];
}

const binMs = { '1 hour': 3600_000, '6 hours': 6 * 3600_000, '1 day': 86_400_000 } as const;

/** Every bin of the range, the empty ones too, so the x axis is time and not just the busy bins. */
function fill<T extends { at: string }>(from: Date, to: Date, bin: keyof typeof binMs, found: T[], blank: (at: string) => T): T[] {
  const step = binMs[bin];
  const byAt = new Map(found.map((f) => [f.at, f]));
  const out: T[] = [];
  for (let t = Math.floor(from.getTime() / step) * step; t <= to.getTime(); t += step) {
    const at = new Date(t).toISOString();
    out.push(byAt.get(at) ?? blank(at));
  }
  return out;
}
