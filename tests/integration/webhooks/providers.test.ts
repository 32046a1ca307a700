import { deriveUrlToken } from '@/lib/integrations/kit/hmac';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { projectIntegrations } from '@/db/schema';
import { createWebhookIntegration, deliveriesOf, githubSignature, post, settled, slackSignature, swapProcessor } from './fixtures';

const confirmedAt = async (id: string) =>
  (await getDb().select().from(projectIntegrations).where(eq(projectIntegrations.id, id)))[0]!.webhookConfirmedAt;

describe('the other four providers through their real routes', () => {
  // The pipeline's own behaviour ("no handler yet"), whatever handlers other helpers ship.
  const restores: Array<() => void> = [];
  beforeAll(() => {
    for (const p of ['github', 'slack', 'jira', 'google-calendar', 'outlook-calendar'] as const) restores.push(swapProcessor(p, undefined));
  });
  afterAll(() => restores.forEach((r) => r()));

  it('Slack: url_verification echoes the challenge (nothing stored); events are stored once by event_id', async () => {
    const { integration, secret } = await createWebhookIntegration('slack');
    const ts = String(Math.floor(Date.now() / 1000));
    const sign = async (body: string) => ({ 'content-type': 'application/json', 'x-slack-request-timestamp': ts, 'x-slack-signature': await slackSignature(secret, ts, body) });
    const check = JSON.stringify({ token: 'legacy', challenge: 'abc123', type: 'url_verification' });
    const res = await post('slack', integration.id, { body: check, headers: await sign(check), trailingSlash: true });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ challenge: 'abc123' });
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await deliveriesOf(integration.id)).toEqual([]);
    expect(await confirmedAt(integration.id)).toBeInstanceOf(Date);

    const event = JSON.stringify({ token: 'legacy', type: 'event_callback', event_id: 'Ev123', event: { type: 'message', subtype: 'bot_message' } });
    expect((await post('slack', integration.id, { body: event, headers: await sign(event) })).status).toBe(202);
    expect((await post('slack', integration.id, { body: event, headers: { ...(await sign(event)), 'x-slack-retry-num': '1' } })).status).toBe(200);
    const [row] = await settled(integration.id);
    expect(row).toMatchObject({ deliveryId: 'Ev123', eventType: 'message', eventAction: 'bot_message', status: 'no_handler' });
    expect(row!.payload).not.toHaveProperty('token');
    expect(row!.headers['x-slack-signature']).toBe('[redacted]');
  });

  it('Jira: X-Hub-Signature verified; unsigned refused unless allowed, and then only with ?token=', async () => {
    const body = JSON.stringify({ webhookEvent: 'jira:issue_updated', issue_event_type_name: 'issue_generic', issue: { key: 'PROJ-1' } });
    const signed = await createWebhookIntegration('jira');
    const headers = { 'content-type': 'application/json', 'x-atlassian-webhook-identifier': 'jira-1' };
    expect((await post('jira', signed.integration.id, { body, headers: { ...headers, 'x-hub-signature': await githubSignature(signed.secret, body) } })).status).toBe(202);
    expect((await post('jira', signed.integration.id, { body, headers: { ...headers, 'x-hub-signature': await githubSignature('wrong', body) } })).status).toBe(401);
    expect((await post('jira', signed.integration.id, { body, headers, query: `?token=${signed.secret}` })).status).toBe(401); // not allowed unsigned
    const [row] = await settled(signed.integration.id);
    expect(row).toMatchObject({ deliveryId: 'jira-1', eventType: 'jira:issue_updated', eventAction: 'issue_generic' });

    const unsigned = await createWebhookIntegration('jira', { settings: { allowUnsignedWebhooks: true } });
    expect((await post('jira', unsigned.integration.id, { body, headers })).status).toBe(401);
    expect((await post('jira', unsigned.integration.id, { body, headers, query: '?token=wrong' })).status).toBe(401);
    expect((await post('jira', unsigned.integration.id, { body, headers, query: `?token=${unsigned.secret}` })).status).toBe(401); // the secret itself is not the URL token
    const token = await deriveUrlToken(unsigned.secret, 'jira');
    expect((await post('jira', unsigned.integration.id, { body, headers, query: `?token=${token}` })).status).toBe(202);
    expect(await deliveriesOf(unsigned.integration.id)).toHaveLength(1);
  });

  it('Google Calendar: channel token compared; sync acknowledged and confirms; dedup on channel + message number', async () => {
    const { integration, secret } = await createWebhookIntegration('google-calendar');
    const headers = (n: string, state: string, token = secret) => ({
      'x-goog-channel-id': 'chan-1', 'x-goog-message-number': n, 'x-goog-resource-state': state,
      'x-goog-resource-id': 'res-1', 'x-goog-channel-token': token,
    });
    expect((await post('google-calendar', integration.id, { headers: headers('1', 'sync', 'wrong') })).status).toBe(401);
    expect((await post('google-calendar', integration.id, { headers: headers('1', 'sync') })).status).toBe(202);
    expect((await post('google-calendar', integration.id, { headers: headers('1', 'sync') })).status).toBe(200);
    expect((await post('google-calendar', integration.id, { headers: headers('2', 'exists') })).status).toBe(202);
    expect((await post('google-calendar', integration.id, { headers: headers('3', 'bogus') })).status).toBe(400);
    const rows = await settled(integration.id);
    expect(rows.map((r) => [r.deliveryId, r.status]).sort()).toEqual([['chan-1:1', 'processed'], ['chan-1:2', 'no_handler']]);
    expect(rows[0]!.headers['x-goog-channel-token']).toBe('[redacted]');
    expect(await confirmedAt(integration.id)).toBeInstanceOf(Date);
  });

  it('Outlook (Graph): validationToken handshake; clientState checked on every notification of a batch', async () => {
    const { integration, secret } = await createWebhookIntegration('outlook-calendar');
    const hs = await post('outlook-calendar', integration.id, { headers: { 'content-type': 'text/plain' }, query: '?validationToken=Validation%3A%20Testing%20client%20application' });
    expect(hs.status).toBe(200);
    expect(hs.headers.get('content-type')).toContain('text/plain');
    expect(hs.headers.get('x-content-type-options')).toBe('nosniff'); // the token is sender-chosen text
    expect(await hs.text()).toBe('Validation: Testing client application');

    const n = (id: string, clientState: string) => ({ id, subscriptionId: 'sub-1', clientState, changeType: 'updated', resource: `me/events/${id}` });
    const json = { 'content-type': 'application/json' };
    const mixed = JSON.stringify({ value: [n('a', secret), n('b', 'wrong')] });
    expect((await post('outlook-calendar', integration.id, { body: mixed, headers: json })).status).toBe(401);
    expect((await post('outlook-calendar', integration.id, { body: 'nope', headers: json })).status).toBe(401);
    expect(await deliveriesOf(integration.id)).toEqual([]);
    const batch = JSON.stringify({ value: [n('a', secret), n('b', secret)] });
    const res = await post('outlook-calendar', integration.id, { body: batch, headers: json });
    expect(res.status).toBe(202);
    expect(await res.json()).toMatchObject({ accepted: 2 });
    const again = JSON.stringify({ value: [n('b', secret), n('c', secret)] });
    expect(await (await post('outlook-calendar', integration.id, { body: again, headers: json })).json()).toMatchObject({ accepted: 1, duplicates: 1 });
    const rows = await settled(integration.id);
    expect(rows.map((r) => r.deliveryId).sort()).toEqual(['sub-1:a', 'sub-1:b', 'sub-1:c']);
    expect(JSON.stringify(rows.map((r) => r.payload))).not.toContain(secret); // clientState is never stored
  });
});
