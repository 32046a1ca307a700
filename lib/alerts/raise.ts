import { and, eq, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { alerts } from '@/db/schema';
import type { AlertCause } from './causes';
import { deliverAlert } from './deliver';
import type { AlertSender } from './senders';

type Rows<T> = { rows: T[] };

/**
 * The cause holds now. Opens an alert and sends it, unless one is already open for this
 * integration and cause, or one was already sent this hour: the unique key
 * (integration, cause, hour bucket) makes two racing evaluators insert one row, and a cause
 * that flaps within the hour reopens that hour's row silently. True when a notice went out.
 */
export async function raiseAlert(
  db: DbOrTx,
  integrationId: string,
  cause: AlertCause,
  message: string,
  details: Record<string, unknown> = {},
  senders?: AlertSender[],
): Promise<boolean> {
  const result = (await db.execute(sql`
    insert into alerts (project_id, integration_id, cause, hour_bucket, message, details)
    select i.project_id, i.id, ${cause}, date_trunc('hour', now()), ${message}, ${JSON.stringify(details)}::jsonb
    from project_integrations i
    where i.id = ${integrationId}
      and not exists (select 1 from alerts a where a.integration_id = i.id and a.cause = ${cause} and a.resolved_at is null)
    on conflict (integration_id, cause, hour_bucket) do update set resolved_at = null
    returning id, (xmax = 0) as inserted`)) as unknown as Rows<{ id: string; inserted: boolean }>;
  const row = result.rows[0];
  if (!row?.inserted) return false;
  await deliverAlert(db, { id: row.id, integrationId, cause, message }, 'fired', senders);
  return true;
}

/** The cause no longer holds: closes the open alert and sends the "resolved" notice. True when one was open. */
export async function clearAlert(db: DbOrTx, integrationId: string, cause: AlertCause, senders?: AlertSender[]): Promise<boolean> {
  const closed = await db
    .update(alerts)
    .set({ resolvedAt: sql`now()` })
    .where(and(eq(alerts.integrationId, integrationId), eq(alerts.cause, cause), isNull(alerts.resolvedAt)))
    .returning();
  for (const a of closed) await deliverAlert(db, a, 'resolved', senders);
  return closed.length > 0;
}
