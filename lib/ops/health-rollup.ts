import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';

/** Hours re-rolled on every run: deliveries and runs change status after they arrive. */
const REROLL_HOURS = 24;
/** How far back a first rollup reaches (the dashboard's longest range). */
const FIRST_DAYS = 31;

/**
 * Rolls closed hours of every active integration into integration_health_hourly: from 24 h
 * before the last rollup (or 31 days back the first time) to the start of the current hour.
 * Three grouped upserts per integration, each over an index that covers it.
 */
export async function rollupHealth(db: DbOrTx, integrationIds?: string[]): Promise<number> {
  const filter = integrationIds ? sql`and i.id = any(array[${sql.join(integrationIds.map((id) => sql`${id}::uuid`), sql`, `)}]::uuid[])` : sql``;
  const todo = ((await db.execute(sql`
    select i.id, coalesce(s.rolled_until - ${`${REROLL_HOURS} hours`}::interval, date_trunc('hour', now()) - ${`${FIRST_DAYS} days`}::interval) as since,
      date_trunc('hour', now()) as until
    from project_integrations i left join integration_health_rollup_state s on s.integration_id = i.id
    where i.is_active ${filter}`)) as unknown as { rows: Array<{ id: string; since: Date; until: Date }> }).rows;
  for (const { id, since, until } of todo) {
    const range = (col: string) => sql`integration_id = ${id} and ${sql.raw(col)} >= ${since} and ${sql.raw(col)} < ${until}`;
    await db.execute(sql`
      insert into integration_health_hourly (integration_id, hour, received, processed, failed, pending)
      select ${id}, date_trunc('hour', received_at), count(*),
        count(*) filter (where status in ('processed', 'no_handler')), count(*) filter (where status in ('failed', 'invalid')),
        count(*) filter (where status in ('pending', 'processing'))
      from integration_webhooks where ${range('received_at')} group by 2
      on conflict (integration_id, hour) do update set received = excluded.received, processed = excluded.processed,
        failed = excluded.failed, pending = excluded.pending`);
    await db.execute(sql`
      insert into integration_health_hourly (integration_id, hour, runs, runs_ok, runs_failed)
      select ${id}, date_trunc('hour', started_at), count(*), count(*) filter (where status = 'success'),
        count(*) filter (where status in ('error', 'interrupted'))
      from sync_runs where ${range('started_at')} group by 2
      on conflict (integration_id, hour) do update set runs = excluded.runs, runs_ok = excluded.runs_ok, runs_failed = excluded.runs_failed`);
    await db.execute(sql`
      insert into integration_health_hourly (integration_id, hour, errors)
      select ${id}, hour, jsonb_object_agg(kind, n) from (
        select date_trunc('hour', timestamp) as hour, action_type::text as kind, count(*)::int as n
        from integration_logs where status = 'error' and ${range('timestamp')} group by 1, 2) e group by hour
      on conflict (integration_id, hour) do update set errors = excluded.errors`);
    await db.execute(sql`
      insert into integration_health_rollup_state (integration_id, rolled_until) values (${id}, ${until})
      on conflict (integration_id) do update set rolled_until = greatest(integration_health_rollup_state.rolled_until, excluded.rolled_until)`);
  }
  return todo.length;
}
