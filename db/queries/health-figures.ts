import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../client';

/** The figures a person checks first, per integration: one row each, every value from an indexed lookup. */
export type HealthFigures = {
  id: string;
  connectionStatus: string;
  connectionError: string | null;
  authMethod: 'token' | 'oauth';
  tokenExpiresAt: Date | null;
  tokenRefreshedAt: Date | null;
  webhookConfirmedAt: Date | null;
  subscriptionExpiresAt: Date | null;
  lastSuccessAt: Date | null;
  lastDeliveryAt: Date | null;
  openAlerts: string[];
  openConflicts: number;
};

export async function healthFigures(db: DbOrTx, integrationIds: string[]): Promise<Map<string, HealthFigures>> {
  if (integrationIds.length === 0) return new Map();
  const any = sql`array[${sql.join(integrationIds.map((id) => sql`${id}::uuid`), sql`, `)}]`;
  const result = (await db.execute(sql`
    select i.id, i.connection_status as "connectionStatus", i.connection_error as "connectionError", i.auth_method as "authMethod",
      i.token_expires_at as "tokenExpiresAt", i.token_refreshed_at as "tokenRefreshedAt",
      i.webhook_confirmed_at as "webhookConfirmedAt", i.subscription_expires_at as "subscriptionExpiresAt",
      (select coalesce(finished_at, started_at) from sync_runs r where r.integration_id = i.id and r.status = 'success'
         order by started_at desc limit 1) as "lastSuccessAt",
      (select max(received_at) from integration_webhooks w where w.integration_id = i.id) as "lastDeliveryAt",
      coalesce((select array_agg(a.cause order by a.created_at) from alerts a where a.integration_id = i.id and a.resolved_at is null), '{}') as "openAlerts",
      -- the conflict inbox: fields held by the "ask me" policy until the owner chooses
      (select count(*)::int from sync_conflicts c where c.integration_id = i.id and c.status = 'open') as "openConflicts"
    from project_integrations i where i.id = any(${any})`)) as unknown as { rows: HealthFigures[] };
  const date = (v: unknown) => (v ? new Date(v as string) : null);
  return new Map(
    result.rows.map((r) => [
      r.id,
      {
        ...r,
        tokenExpiresAt: date(r.tokenExpiresAt),
        tokenRefreshedAt: date(r.tokenRefreshedAt),
        webhookConfirmedAt: date(r.webhookConfirmedAt),
        subscriptionExpiresAt: date(r.subscriptionExpiresAt),
        lastSuccessAt: date(r.lastSuccessAt),
        lastDeliveryAt: date(r.lastDeliveryAt),
      },
    ]),
  );
}
