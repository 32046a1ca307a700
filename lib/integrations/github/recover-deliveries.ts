import type { DbOrTx } from '@/db/client';
import { logAction } from '@/db/queries/integration-logs';
import type { IntegrationWithProvider } from '@/db/queries/integrations';
import { storedDeliveryIds } from '@/db/queries/webhook-deliveries';
import { loadConnection } from '@/lib/integrations/connection';
import { createGithubClient, parseRepo } from './client';
import { clientDefaults } from './client';

/** How far back GitHub's delivery log is read (GitHub keeps 3 days). */
const WINDOW_MS = 72 * 3600_000;
/** A guid GitHub already tried this often (original + redeliveries) is given up on. */
const MAX_ATTEMPTS = 4;
/** A delivery younger than this may still be on its way (or its retry): left for the next run. */
const SETTLE_MS = 60_000;

export type RecoveryResult = { listed: number; missing: number; redelivered: number; gaveUp: number };

type HookDelivery = { id: number; guid: string; delivered_at: string; status_code: number; redelivery: boolean };

/**
 * Missed-webhook recovery: reads the repository hook's recent deliveries from GitHub, finds
 * the guids that never reached integration_webhooks (GitHub saw a failure, or the row is gone),
 * and asks GitHub to redeliver each once (the latest attempt). Logs "Recovered N missed
 * deliveries" (details.recovered, which the health dashboard sums). Null: no hook to read.
 */
export async function recoverGithubDeliveries(db: DbOrTx, integration: IntegrationWithProvider, now = Date.now()): Promise<RecoveryResult | null> {
  const hookId = Number(integration.webhookExternalId ?? integration.subscriptionId);
  if (!Number.isInteger(hookId) || hookId <= 0 || !integration.externalId) return null;
  const target = { ...parseRepo(integration.externalId), hook_id: hookId };
  const octokit = createGithubClient(await loadConnection(integration), { ...clientDefaults(), maxWaitSeconds: 0 });

  const byGuid = new Map<string, HookDelivery[]>();
  let listed = 0;
  for await (const page of octokit.paginate.iterator('GET /repos/{owner}/{repo}/hooks/{hook_id}/deliveries', { ...target, per_page: 100 })) {
    let older = false;
    for (const d of page.data as HookDelivery[]) {
      const at = Date.parse(d.delivered_at);
      if (at < now - WINDOW_MS) older = true;
      else if (at <= now - SETTLE_MS) {
        listed++;
        byGuid.set(d.guid, [...(byGuid.get(d.guid) ?? []), d]);
      }
    }
    if (older) break;
  }
  const guids = [...byGuid.keys()];
  const stored = await storedDeliveryIds(db, integration.id, guids);
  const missing = guids.filter((g) => !stored.has(g));
  let redelivered = 0;
  let gaveUp = 0;
  for (const guid of missing) {
    const attempts = byGuid.get(guid)!;
    if (attempts.length >= MAX_ATTEMPTS) {
      gaveUp++;
      continue;
    }
    const latest = attempts.reduce((a, b) => (Date.parse(b.delivered_at) > Date.parse(a.delivered_at) ? b : a));
    await octokit.request('POST /repos/{owner}/{repo}/hooks/{hook_id}/deliveries/{delivery_id}/attempts', { ...target, delivery_id: latest.id });
    redelivered++;
  }
  if (redelivered > 0 || gaveUp > 0) {
    await logAction(db, {
      actionType: 'webhook',
      status: gaveUp > 0 ? 'warning' : 'info',
      providerId: integration.providerId,
      integrationId: integration.id,
      description: `Recovered ${redelivered} missed deliver${redelivered === 1 ? 'y' : 'ies'} (asked GitHub to redeliver)${gaveUp ? `; gave up on ${gaveUp} after ${MAX_ATTEMPTS} attempts` : ''}.`,
      details: { recovered: redelivered, gaveUp, listed, guids: missing.slice(0, 50) },
    });
  }
  return { listed, missing: missing.length, redelivered, gaveUp };
}
