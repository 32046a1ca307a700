import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { errorSummary } from '@/lib/errors';
import type { AlertCause } from './causes';
import { clearAlert, raiseAlert } from './raise';
import type { AlertSender } from './senders';

/** Quiet this much longer than the usual gap between deliveries (and at least an hour) counts as silent. */
const SILENT_FACTOR = 3;
const SILENT_MIN_SECONDS = 3600;
/** A subscription expiring within this window was not renewed in time (renewal runs well before). */
const EXPIRY_WINDOW_MS = 24 * 3600_000;

type Facts = {
  id: string;
  connection_status: string;
  last_runs: string[] | null;
  last_run_error: string | null;
  failed_deliveries: number;
  last_delivery: Date | string | null;
  silent_for_s: number | null;
  usual_gap_s: number | null;
  changes_since_delivery: number;
  subscription_expires_at: Date | string | null;
  connection_error: string | null;
  open_causes: AlertCause[] | null;
};

/**
 * One aggregate row per active integration (or just `integrationId`): the last two finished
 * runs, failed deliveries in 24 h, the last delivery and the usual gap between deliveries over
 * 7 days, syncs since then that found changes, the subscription's expiry.
 */
async function facts(db: DbOrTx, integrationId?: string): Promise<Facts[]> {
  const result = (await db.execute(sql`
    select i.id, i.connection_status, i.connection_error, i.subscription_expires_at,
      (select array_agg(a.cause) from alerts a where a.integration_id = i.id and a.resolved_at is null) as open_causes,
      (select array_agg(r.status::text order by r.started_at desc) from (select status, started_at from sync_runs
         where integration_id = i.id and status in ('success', 'error') order by started_at desc limit 2) r) as last_runs,
      (select error from sync_runs where integration_id = i.id and status = 'error' order by started_at desc limit 1) as last_run_error,
      (select count(*)::int from integration_webhooks w where w.integration_id = i.id and w.status in ('failed', 'invalid')
         and w.received_at > now() - interval '24 hours') as failed_deliveries,
      d.last_delivery,
      extract(epoch from now() - d.last_delivery)::float8 as silent_for_s,
      (select extract(epoch from max(received_at) - min(received_at))::float8 / nullif(count(*) - 1, 0)
         from integration_webhooks w where w.integration_id = i.id and w.received_at > now() - interval '7 days') as usual_gap_s,
      (select coalesce(sum(r.created + r.updated), 0)::int from sync_runs r where r.integration_id = i.id
         and r.status = 'success' and r.finished_at > d.last_delivery) as changes_since_delivery
    from project_integrations i
    cross join lateral (select coalesce((select max(received_at) from integration_webhooks w where w.integration_id = i.id),
      i.webhook_confirmed_at) as last_delivery) d
    where i.is_active ${integrationId ? sql`and i.id = ${integrationId}` : sql``}`)) as unknown as { rows: Facts[] };
  return result.rows;
}

/** Which causes hold for one integration, with the message for each. */
export function causesFrom(f: Facts): Map<AlertCause, string> {
  const on = new Map<AlertCause, string>();
  if (f.last_runs?.length === 2 && f.last_runs.every((s) => s === 'error')) {
    on.set('sync_failed_twice', `The last two syncs failed${f.last_run_error ? `: ${f.last_run_error}` : '.'}`);
  }
  if (f.connection_status === 'reconnect_needed') {
    on.set('reconnect_needed', f.connection_error ?? 'The token was revoked or expired: enter a new one.');
  }
  if (f.failed_deliveries > 0) {
    const n = f.failed_deliveries;
    on.set('delivery_failed', `${n} webhook ${n === 1 ? 'delivery' : 'deliveries'} failed for good in the last 24 hours.`);
  }
  const threshold = Math.max(SILENT_MIN_SECONDS, SILENT_FACTOR * (f.usual_gap_s ?? 0));
  if (f.last_delivery && f.silent_for_s !== null && f.silent_for_s > threshold && f.changes_since_delivery > 0) {
    on.set('webhook_silent', `No webhook delivery for ${Math.round(f.silent_for_s / 3600)} h, yet syncs since then found ${f.changes_since_delivery} changes.`);
  }
  if (f.subscription_expires_at) {
    const at = new Date(f.subscription_expires_at);
    if (at.getTime() < Date.now() + EXPIRY_WINDOW_MS) on.set('subscription_expiring', `The push subscription expires ${at.toISOString()} and was not renewed.`);
  }
  return on;
}

/** Causes the evaluator decides; `breaker_tripped` is raised and cleared by the sync itself. */
const evaluated: AlertCause[] = ['sync_failed_twice', 'reconnect_needed', 'delivery_failed', 'webhook_silent', 'subscription_expiring'];

/**
 * Raises every cause that holds and clears every one that no longer does, for all active
 * integrations (the scheduled job) or one (right where its state changed). Returns the
 * notices sent.
 */
export async function evaluateAlerts(db: DbOrTx, opts: { integrationId?: string; senders?: AlertSender[] } = {}) {
  let fired = 0;
  let resolved = 0;
  for (const f of await facts(db, opts.integrationId)) {
    const on = causesFrom(f);
    const open = new Set(f.open_causes ?? []);
    for (const cause of evaluated) {
      const message = on.get(cause);
      if (message !== undefined && !open.has(cause)) fired += Number(await raiseAlert(db, f.id, cause, message, {}, opts.senders));
      else if (message === undefined && open.has(cause)) resolved += Number(await clearAlert(db, f.id, cause, opts.senders));
    }
  }
  return { fired, resolved };
}

/** Where an integration's state just changed (a sync closed, a connection test): never throws. */
export async function evaluateAlertsNow(db: DbOrTx, integrationId: string): Promise<void> {
  try {
    await evaluateAlerts(db, { integrationId });
  } catch (err) {
    console.warn('[alerts] evaluation failed:', errorSummary(err));
  }
}
