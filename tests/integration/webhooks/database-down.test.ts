import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb } from '@/db/client';
import { receiveWebhookRequest } from '@/lib/webhooks/receive-request';
import { createWebhookIntegration, deliveriesOf, githubHeaders, post, settled, swapProcessor } from './fixtures';

describe('database unreachable during a delivery', () => {
  // The pipeline's own behaviour ("no handler yet"), whatever handlers other helpers ship.
  const restores: Array<() => void> = [];
  beforeAll(() => {
    for (const p of ['github', 'slack', 'jira', 'google-calendar', 'outlook-calendar'] as const) restores.push(swapProcessor(p, undefined));
  });
  afterAll(() => restores.forEach((r) => r()));

  it('answers 503 with Retry-After (so the sender retries); after recovery the redelivery is accepted and processed', async () => {
    const { integration, secret } = await createWebhookIntegration('github');
    const body = JSON.stringify({ action: 'opened', issue: { number: 3 } });
    const headers = await githubHeaders(secret, body, 'issues', 'while-down');
    // A database on a closed port: the real driver, nothing listening.
    const down = createDb('postgresql://postgres:postgres@127.0.0.1:1/down', 1);
    try {
      const url = `http://localhost/integrations/webhooks/github/${integration.id}`;
      const res = await receiveWebhookRequest('github', new Request(url, { method: 'POST', body, headers }), integration.id, { db: down.db });
      expect(res.status).toBe(503);
      expect(res.headers.get('retry-after')).toBe('10');
      expect(JSON.stringify(await res.json())).not.toMatch(/127\.0\.0\.1|postgres/); // no internals leak
    } finally {
      await down.pool.end().catch(() => {});
    }
    expect(await deliveriesOf(integration.id)).toEqual([]);
    const redelivery = await post('github', integration.id, { body, headers });
    expect(redelivery.status).toBe(202);
    const [row] = await settled(integration.id);
    expect(row).toMatchObject({ deliveryId: 'while-down', status: 'no_handler', attempts: 1 });
  });
});
