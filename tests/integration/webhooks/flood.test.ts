import { describe, expect, it } from 'vitest';
import { webhookConfig } from '@/lib/webhooks/config';
import { createWebhookIntegration, deliveriesOf, githubHeaders, post } from './fixtures';

const unsigned = (n: number, address = '198.51.100.66') => ({
  body: JSON.stringify({ action: 'opened', n }),
  headers: { 'content-type': 'application/json', 'x-github-event': 'issues', 'x-github-delivery': `forged-${n}`, 'x-forwarded-for': address },
});

describe('an unsigned flood does not starve signed deliveries (verify first, then charge)', () => {
  it('twice the per-integration budget of unsigned requests (the audit saw 1,474): every genuine delivery still gets 202', async () => {
    const { integration, secret } = await createWebhookIntegration('github');
    const budget = webhookConfig().WEBHOOK_RATE_LIMIT_PER_MINUTE;
    const unverifiedBudget = webhookConfig().WEBHOOK_UNVERIFIED_RATE_LIMIT_PER_MINUTE;
    const flood = 2 * budget + 100; // well past the budget plus what refills while the test runs
    const statuses = new Map<number, number>();
    const genuine: number[] = [];
    for (let sent = 0; sent < flood; sent += 100) {
      // A genuine delivery inside each burst (last in line), as GitHub's arrived during the audit's flood.
      const body = JSON.stringify({ zen: 'genuine', n: sent });
      const signed = { body, headers: await githubHeaders(secret, body, 'ping', `genuine-${sent}`) };
      const batch = await Promise.all([
        ...Array.from({ length: 100 }, (_, i) => post('github', integration.id, unsigned(sent + i))),
        post('github', integration.id, signed),
      ]);
      genuine.push(batch.pop()!.status);
      for (const r of batch) statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
    }
    expect(genuine).toEqual(genuine.map(() => 202));
    // The flood is refused: 401 while its own bucket lasts (refilling one a second), then 429.
    const sentUnsigned = Math.ceil(flood / 100) * 100;
    expect(statuses.get(401)).toBeGreaterThanOrEqual(unverifiedBudget);
    expect(statuses.get(401)).toBeLessThan(unverifiedBudget + 60); // refills one a second
    expect((statuses.get(401) ?? 0) + (statuses.get(429) ?? 0)).toBe(sentUnsigned);
    // Another sender's unverified bucket is its own: a bad signature from it is still a 401, not a 429.
    expect((await post('github', integration.id, unsigned(-1, '192.0.2.10'))).status).toBe(401);
    const rows = await deliveriesOf(integration.id);
    expect(rows.map((r) => r.deliveryId).sort()).toEqual(genuine.map((_, i) => `genuine-${i * 100}`).sort());
  });

  it('Graph handshakes (unsigned by design) use the sender’s bucket: a flood from one address does not block Graph', async () => {
    const { integration } = await createWebhookIntegration('outlook-calendar');
    const budget = webhookConfig().WEBHOOK_UNVERIFIED_RATE_LIMIT_PER_MINUTE;
    const handshake = (address: string) =>
      post('outlook-calendar', integration.id, { query: '?validationToken=hello', headers: { 'content-type': 'text/plain', 'x-forwarded-for': address } });
    const flood = await Promise.all(Array.from({ length: budget + 5 }, () => handshake('198.51.100.66')));
    expect(flood.filter((r) => r.status === 429)).toHaveLength(5);
    const graph = await handshake('20.190.128.1');
    expect(graph.status).toBe(200);
    expect(await graph.text()).toBe('hello');
    expect(graph.headers.get('x-content-type-options')).toBe('nosniff');
  });
});
