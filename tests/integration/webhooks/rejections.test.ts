import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { listIntegrationLogs } from '@/db/queries/integration-logs';
import { rejections } from '@/lib/webhooks/receive-request';
import { WEBHOOK_REJECTION_WINDOW_MS } from '@/lib/webhooks/rejections';
import { createWebhookIntegration, deliveriesOf, githubHeaders, githubSignature, post, slackSignature } from './fixtures';

const body = JSON.stringify({ action: 'opened', issue: { number: 1, title: 'x' } });

describe('rejected webhook requests: the right 4xx, nothing recorded', () => {
  it('GitHub: tampered body, tampered/missing signature, non-JSON, empty body, wrong content type, oversized', async () => {
    const { integration, secret } = await createWebhookIntegration('github');
    const headers = await githubHeaders(secret, body, 'issues', 'd-1');
    const cases: Array<[string, Parameters<typeof post>[2], number]> = [
      ['tampered body', { body: body.replace('opened', 'closed'), headers }, 401],
      ['tampered signature', { body, headers: { ...headers, 'x-hub-signature-256': headers['x-hub-signature-256'].replace(/.$/, (c) => (c === '0' ? '1' : '0')) } }, 401],
      ['signature with another secret', { body, headers: { ...headers, 'x-hub-signature-256': await githubSignature('nope', body) } }, 401],
      ['missing signature', { body, headers: { 'content-type': 'application/json', 'x-github-event': 'issues', 'x-github-delivery': 'd-1' } }, 401],
      ['non-JSON (signed)', { body: 'not json', headers: await githubHeaders(secret, 'not json', 'issues', 'd-2') }, 400],
      ['JSON but not an object (signed)', { body: '[1,2]', headers: await githubHeaders(secret, '[1,2]', 'issues', 'd-3') }, 400],
      ['empty body (signed)', { body: '', headers: await githubHeaders(secret, '', 'issues', 'd-4') }, 400],
      ['empty body, unsigned', { headers: { 'content-type': 'application/json' } }, 401],
      ['missing delivery id (signed)', { body, headers: { ...headers, 'x-github-delivery': '' } }, 400],
      ['wrong content type', { body, headers: { ...headers, 'content-type': 'text/xml' } }, 415],
      ['no content type', { body, headers: { ...headers, 'content-type': '' } }, 415],
      ['oversized by Content-Length', { body: 'x'.repeat(10), headers: { ...headers, 'content-length': String(2 * 1024 * 1024) } }, 413],
      ['oversized by bytes', { body: JSON.stringify({ pad: 'x'.repeat(1024 * 1024) }), headers }, 413],
    ];
    const started = Date.now();
    for (const [name, init, status] of cases) {
      const res = await post('github', integration.id, init);
      expect(res.status, name).toBe(status);
      expect(res.headers.get('content-type'), name).toContain('application/json');
    }
    const windows = Math.ceil((Date.now() - started) / WEBHOOK_REJECTION_WINDOW_MS) + 1;
    expect(await deliveriesOf(integration.id)).toEqual([]);
    // Rejections are counted and written once a window (no payload), not once per request.
    await rejections.flushAll();
    const logs = await listIntegrationLogs(getDb(), integration.id);
    expect(logs.length).toBeGreaterThanOrEqual(1);
    expect(logs.length).toBeLessThanOrEqual(Math.min(windows, cases.length - 1));
    expect(logs.reduce((n, l) => n + Number(l.details.rejected), 0)).toBe(cases.length);
    for (const log of logs) expect(JSON.stringify(log)).not.toContain('opened');
  });

  it('404 for an unknown, inactive, malformed or other-provider integration, without reading anything', async () => {
    const { integration, secret } = await createWebhookIntegration('github');
    const inactive = await createWebhookIntegration('github', { isActive: false });
    const headers = await githubHeaders(secret, body, 'issues', 'd-1');
    expect((await post('github', '00000000-0000-4000-8000-000000000000', { body, headers })).status).toBe(404);
    expect((await post('github', 'not-a-uuid', { body, headers })).status).toBe(404);
    expect((await post('github', "'; drop table x; --", { body, headers })).status).toBe(404);
    expect((await post('github', inactive.integration.id, { body, headers: await githubHeaders(inactive.secret, body, 'issues', 'd-1') })).status).toBe(404);
    expect((await post('slack', integration.id, { body, headers })).status).toBe(404); // provider mismatch
    expect((await post('jira', integration.id, { body, headers })).status).toBe(404);
    expect(await deliveriesOf(integration.id)).toEqual([]);
    expect(await deliveriesOf(inactive.integration.id)).toEqual([]);
  });

  it('Slack: stale and future timestamps, missing timestamp → 401', async () => {
    const { integration, secret } = await createWebhookIntegration('slack');
    const event = JSON.stringify({ type: 'event_callback', event_id: 'Ev1', event: { type: 'message' } });
    // The exact ±300 s boundary is in the unit test with an injected clock.
    for (const offset of [-360, 360, -3600, 86_400]) {
      const ts = String(Math.floor(Date.now() / 1000) + offset);
      const headers = { 'content-type': 'application/json', 'x-slack-request-timestamp': ts, 'x-slack-signature': await slackSignature(secret, ts, event) };
      expect((await post('slack', integration.id, { body: event, headers })).status, `offset ${offset}`).toBe(401);
    }
    const ts = String(Math.floor(Date.now() / 1000));
    const sig = await slackSignature(secret, ts, event);
    expect((await post('slack', integration.id, { body: event, headers: { 'content-type': 'application/json', 'x-slack-signature': sig } })).status).toBe(401);
    expect(await deliveriesOf(integration.id)).toEqual([]);
  });
});
