import { describe, expect, it, vi } from 'vitest';
import { tricklingRequest } from '../../helpers/trickle';
import { createWebhookIntegration, deliveriesOf, routes } from './fixtures';

vi.hoisted(() => {
  process.env.WEBHOOK_BODY_TIMEOUT_MS = '200';
});

describe('a slow body gets 408 at WEBHOOK_BODY_TIMEOUT_MS, with Connection: close', () => {
  it('through the route: 408 near the deadline, the sender cancelled, nothing stored', async () => {
    const { integration } = await createWebhookIntegration('github');
    const url = `http://localhost/integrations/webhooks/github/${integration.id}`;
    const { request, state } = tricklingRequest(200, 25, url, { 'content-type': 'application/json', 'x-github-event': 'ping' }); // 5 s
    const started = Date.now();
    const res = await routes.github(request, { params: Promise.resolve({ integrationId: integration.id }) });
    expect(res.status).toBe(408);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(res.headers.get('connection')).toBe('close');
    expect(await res.json()).toEqual({ ok: false, error: 'body not received within 200 ms' });
    await vi.waitFor(() => expect(state.cancelled).toBe(true));
    expect(state.sent).toBeLessThan(200);
    expect(await deliveriesOf(integration.id)).toEqual([]);
  });
});
