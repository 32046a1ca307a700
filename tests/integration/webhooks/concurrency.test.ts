import { afterEach, describe, expect, it } from 'vitest';
import type { ProviderType } from '@/lib/integrations/provider-types';
import type { DeliveryProcessor } from '@/lib/integrations/types';
import { createWebhookIntegration, deliveriesOf, githubHeaders, post, settled, swapProcessor } from './fixtures';

describe('the same delivery POSTed 20 times at once', () => {
  let restore = () => {};
  afterEach(() => restore());

  it('stores one row and processes it once (one 202, nineteen 200 duplicates)', async () => {
    const calls: string[] = [];
    // A real handler in the registry slot helper D's will fill: it counts its runs.
    const countingProcessor: DeliveryProcessor = async (ctx, delivery) => {
      // The drain also processes other tests' pending deliveries (one shared database).
      if (ctx.integration.id === integration.id) calls.push(delivery.deliveryId);
      await new Promise((r) => setTimeout(r, 50));
      return { counted: true };
    };
    const { integration, secret } = await createWebhookIntegration('github');
    restore = swapProcessor('github', countingProcessor);
    const body = JSON.stringify({ action: 'opened', issue: { number: 7 } });
    const headers = await githubHeaders(secret, body, 'issues', 'same-delivery');
    const statuses = await Promise.all(Array.from({ length: 20 }, () => post('github', integration.id, { body, headers }).then((r) => r.status)));
    expect(statuses.filter((s) => s === 202)).toHaveLength(1);
    expect(statuses.filter((s) => s === 200)).toHaveLength(19);
    const rows = await settled(integration.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: 'processed', processed: true, attempts: 1, result: { counted: true } });
    expect(calls).toEqual(['same-delivery']);
    expect(await deliveriesOf(integration.id)).toHaveLength(1);
  });
});

describe('the in-process drain route (edge → Node nudge)', () => {
  it('refuses callers without the drain token; every provider webhook verifier is the registry’s', async () => {
    const { POST } = await import('@/app/api/internal/webhooks/drain/route');
    const { loadCapability } = await import('@/lib/integrations/registry');
    const { webhookCapabilities } = await import('@/lib/integrations/webhook-registry');
    const url = 'http://localhost/api/internal/webhooks/drain';
    expect((await POST(new Request(url, { method: 'POST' }))).status).toBe(404);
    expect((await POST(new Request(url, { method: 'POST', headers: { 'x-taskbridge-drain': 'guess' } }))).status).toBe(404);
    for (const [id, capability] of Object.entries(webhookCapabilities)) {
      expect(await loadCapability(id as ProviderType, 'webhook'), id).toBe(capability);
    }
  });
});
