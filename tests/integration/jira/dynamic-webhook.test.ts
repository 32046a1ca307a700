import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jiraSubscription } from '@/lib/integrations/jira/dynamic-webhook';
import { jiraWebhook } from '@/lib/integrations/jira/verify-webhook';
import { SubscriptionRefusedError } from '@/lib/integrations/kit/errors';
import { deriveUrlToken } from '@/lib/integrations/kit/hmac';
import type { FakeJira } from '@/tests/fakes/jira/server';
import { connectionFor, PROJECT, startJira } from './jira-fixture';

let fake: FakeJira & { stop: () => Promise<void> };
beforeAll(async () => {
  fake = await startJira();
});
afterAll(() => fake.stop());

const SECRET = 'a-webhook-secret-of-the-integration';
const HOOK_URL = 'https://app.example.test/integrations/webhooks/jira/11111111-1111-1111-1111-111111111111/';

describe('Jira dynamic webhooks (OAuth)', () => {
  it('registers with a JQL filter on the project, refreshes before expiry, and removes', async () => {
    const connection = connectionFor(fake, { oauth: true });
    const state = await jiraSubscription.subscribe(connection, { url: HOOK_URL, secret: SECRET });
    expect(fake.webhooks).toHaveLength(1);
    expect(fake.webhooks[0]).toMatchObject({ jqlFilter: `project = "${PROJECT}"`, events: expect.arrayContaining(['jira:issue_updated', 'comment_created']) });
    expect(fake.webhooks[0]!.url).toBe(`${HOOK_URL}?token=${await deriveUrlToken(SECRET, 'jira')}`);
    expect(state.expiresAt!.getTime()).toBeGreaterThan(Date.now() + 29 * 86_400_000);
    fake.webhooks[0]!.expirationDate = Date.now() + 1000;
    const renewed = await jiraSubscription.renew(connection, state, { url: HOOK_URL, secret: SECRET });
    expect(renewed.expiresAt!.getTime()).toBeGreaterThan(Date.now() + 29 * 86_400_000);
    await jiraSubscription.unsubscribe(connection, renewed);
    expect(fake.webhooks).toHaveLength(0);
  });

  it('with an API token it says to add an admin webhook by hand', async () => {
    await expect(jiraSubscription.subscribe(connectionFor(fake), { url: HOOK_URL, secret: SECRET })).rejects.toBeInstanceOf(SubscriptionRefusedError);
  });

  it('a dynamic-webhook delivery needs a JWT signed with the app\'s client secret, unexpired, and our URL token', async () => {
    process.env.ATLASSIAN_CLIENT_SECRET = 'atlassian-client-secret-for-tests';
    const sign = (secret: string, exp: string | number = '5m') =>
      new SignJWT({ qsh: 'context-qsh' }).setProtectedHeader({ alg: 'HS256' }).setIssuedAt().setIssuer('jira-cloud').setExpirationTime(exp)
        .sign(new TextEncoder().encode(secret));
    const body = JSON.stringify({ webhookEvent: 'jira:issue_updated', issue: { id: '10001', key: 'PROJ-1' } });
    const verify = async (token: string | null, jwt: string) => {
      const url = new URL(`${HOOK_URL}${token === null ? '' : `?token=${token}`}`);
      const request = new Request(url, { method: 'POST', body, headers: { authorization: `Bearer ${jwt}`, 'content-type': 'application/json', 'x-atlassian-webhook-identifier': 'd-1' } });
      return jiraWebhook.verify({
        request, url, body, bodyBytes: new TextEncoder().encode(body) as Uint8Array<ArrayBuffer>, secret: async () => SECRET,
        hmacKey: async () => { throw new Error('not used'); }, settings: {}, now: new Date(),
      });
    };
    const good = await deriveUrlToken(SECRET, 'jira');
    const jwt = await sign('atlassian-client-secret-for-tests');
    expect(await verify(good, jwt)).toMatchObject({ ok: true, kind: 'deliveries', deliveries: [{ deliveryId: 'd-1', eventType: 'jira:issue_updated' }] });
    expect(await verify('wrong', jwt)).toMatchObject({ ok: false, status: 401 });
    expect(await verify(null, jwt)).toMatchObject({ ok: false, status: 401 });
    expect(await verify(good, await sign('another-apps-secret'))).toMatchObject({ ok: false, status: 401 });
    expect(await verify(good, await sign('atlassian-client-secret-for-tests', Math.floor(Date.now() / 1000) - 600))).toMatchObject({ ok: false, status: 401 });
    expect(await verify(good, 'eyJhbGciOiJIUzI1NiJ9.e30.sig')).toMatchObject({ ok: false, status: 401 });
    delete process.env.ATLASSIAN_CLIENT_SECRET;
    expect(await verify(good, jwt)).toMatchObject({ ok: false, status: 401 }); // no OAuth app here: nothing is genuine
    expect(jiraWebhook.secretHeaders).toContain('authorization');
  });
});
