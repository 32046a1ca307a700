import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { integrationWebhooks } from '@/db/schema';
import { createGithubIntegration } from '../integration/github/github-fixture';
import { waitFor } from '../integration/sync/recovery-fixture';
import { githubHeaders } from '../integration/webhooks/fixtures';
import { type FaultEnv, startFaultEnv } from './support/fault-env';

let env: FaultEnv;
beforeAll(async () => {
  env = await startFaultEnv('webhooks');
});
afterAll(() => env?.stop());

type Answer = { id: string; status: number; retryAfter: string | null };

describe('PostgreSQL stops during a burst of webhook deliveries, against the running app', () => {
  it('senders get 503 with Retry-After, never a 2xx for a delivery that was not stored; nothing accepted is lost and processing resumes', async () => {
    const { integration, webhookSecret } = await createGithubIntegration(env.fake, { issues: 0 });
    const url = `${env.app.url}/integrations/webhooks/github/${integration.id}`;
    const body = JSON.stringify({ zen: 'Keep it logically awesome.', hook_id: 1 });
    const send = async (id: string): Promise<Answer> => {
      const res = await fetch(url, { method: 'POST', body, headers: await githubHeaders(webhookSecret, body, 'ping', id) });
      await res.arrayBuffer();
      return { id, status: res.status, retryAfter: res.headers.get('retry-after') };
    };
    const answers: Answer[] = [];
    let restarted: Promise<void> | undefined;
    // 4 senders, 240 deliveries; the database crashes after the 40th answer and is back 3 s later.
    const ids = Array.from({ length: 240 }, (_, i) => `burst-${i}`);
    let next = 0;
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        while (next < ids.length) {
          const answer = await send(ids[next++]!);
          answers.push(answer);
          if (answers.length === 40) {
            await env.pg.stop('immediate');
            restarted = new Promise((r) => setTimeout(r, 3000)).then(() => env.pg.start());
          }
        }
      }),
    );
    await restarted;
    const refused = answers.filter((a) => a.status === 503);
    const accepted = answers.filter((a) => a.status === 202 || a.status === 200);
    expect(refused.length).toBeGreaterThan(0);
    expect(accepted.length + refused.length).toBe(answers.length); // nothing else (no 500)
    expect(refused.every((a) => Number(a.retryAfter) > 0)).toBe(true);
    // Every 2xx was stored before it was sent.
    const stored = await getDb()
      .select({ deliveryId: integrationWebhooks.deliveryId })
      .from(integrationWebhooks)
      .where(eq(integrationWebhooks.integrationId, integration.id));
    const storedIds = new Set(stored.map((s) => s.deliveryId));
    expect(accepted.filter((a) => !storedIds.has(a.id))).toEqual([]);
    // The senders retry what was refused; now it is accepted.
    for (const a of refused) expect([200, 202]).toContain((await send(a.id)).status);
    // Nothing accepted is lost: all of them are stored, processed or still to be.
    const all = await getDb().select().from(integrationWebhooks).where(eq(integrationWebhooks.integrationId, integration.id));
    expect(new Set(all.map((d) => d.deliveryId))).toEqual(new Set(ids));
    expect(all.filter((d) => !['processed', 'pending', 'processing'].includes(d.status))).toEqual([]);
    // Deliveries accepted after the restart are processed at once again (the drain works).
    const after = await send('after-restart');
    expect(after.status).toBe(202);
    await waitFor(async () => {
      const [row] = await getDb().select().from(integrationWebhooks)
        .where(and(eq(integrationWebhooks.integrationId, integration.id), eq(integrationWebhooks.deliveryId, 'after-restart')));
      return row?.status === 'processed';
    }, 20_000);
    // And every delivery accepted during the burst ends processed: pending ones by the drain and
    // the sweep, a claim the crash cut off once its lease (3 s here) has lapsed.
    await waitFor(async () => {
      const rows = await getDb().select({ status: integrationWebhooks.status }).from(integrationWebhooks)
        .where(eq(integrationWebhooks.integrationId, integration.id));
      return rows.length === ids.length + 1 && rows.every((r) => r.status === 'processed');
    }, 120_000);
  }, 300_000);
});
