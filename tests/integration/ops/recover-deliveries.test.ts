import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { and, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { getIntegrationById } from '@/db/queries/integrations';
import { integrationLogs, integrationWebhooks, projectIntegrations } from '@/db/schema';
import { recoverGithubDeliveries } from '@/lib/integrations/github/recover-deliveries';
import { createGithubIntegration, startFakeForTests } from '../github/github-fixture';
import { post } from '../webhooks/fixtures';
import type { FakeGithub } from '../../fakes/github/server';

let fake: FakeGithub & { stop: () => Promise<void> };
let app: http.Server;
let appUrl = '';

beforeAll(async () => {
  fake = await startFakeForTests();
  // Our webhook route, reached over real HTTP as GitHub reaches it.
  app = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers[k] = v;
    const integrationId = /\/github\/([^/]+)/.exec(req.url ?? '')![1]!;
    const answer = await post('github', integrationId, { body: Buffer.concat(chunks).toString('utf8'), headers });
    res.writeHead(answer.status);
    res.end(await answer.text());
  });
  await new Promise<void>((r) => app.listen(0, '127.0.0.1', r));
  appUrl = `http://127.0.0.1:${(app.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await fake.stop();
  await new Promise((r) => app.close(r));
});

const stored = (integrationId: string) =>
  getDb().select({ deliveryId: integrationWebhooks.deliveryId }).from(integrationWebhooks).where(eq(integrationWebhooks.integrationId, integrationId));

async function until<T>(fn: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (ok(v) || Date.now() > end) return v;
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('missed-webhook recovery (GitHub)', () => {
  it('finds deliveries that failed at GitHub or never reached our table, and gets them redelivered', async () => {
    const { db, integration, repoName, webhookSecret } = await createGithubIntegration(fake);
    const repo = fake.repos.get(repoName.toLowerCase())!;
    repo.hooks.push({ id: 4242, name: 'web', active: true, events: ['issues'], config: { url: `${appUrl}/integrations/webhooks/github/${integration.id}/`, content_type: 'json', secret: webhookSecret } });
    await db.update(projectIntegrations).set({ webhookExternalId: '4242' }).where(eq(projectIntegrations.id, integration.id));

    for (let i = 1; i <= 5; i++) fake.createIssue(repoName, { title: `Issue ${i}` });
    fake.hookDeliveries.dropNext = 2; // GitHub times out on the first two (our server was down)
    const sent = await fake.deliverWebhooks();
    expect(sent.map((d) => d.status_code)).toEqual([0, 0, 202, 202, 202]);
    expect(await stored(integration.id)).toHaveLength(3);
    // One that GitHub saw accepted but that is not in our table (a restore lost it).
    await db.delete(integrationWebhooks).where(and(eq(integrationWebhooks.integrationId, integration.id), eq(integrationWebhooks.deliveryId, sent[4]!.guid)));

    const fresh = (await getIntegrationById(db, integration.id))!;
    // Deliveries younger than a minute may still be on their way: none are touched yet.
    expect(await recoverGithubDeliveries(db, fresh)).toMatchObject({ listed: 0, redelivered: 0 });
    const later = Date.now() + 120_000;
    expect(await recoverGithubDeliveries(db, fresh, later)).toEqual({ listed: 5, missing: 3, redelivered: 3, gaveUp: 0 });

    const rows = await until(() => stored(integration.id), (r) => r.length === 5);
    expect(rows.map((r) => r.deliveryId).sort()).toEqual(sent.map((d) => d.guid).sort());
    // The fake records an attempt once our answer is back, which can be after the row is stored.
    const redeliveries = await until(async () => fake.hookDeliveries.sent.filter((d) => d.redelivery), (r) => r.length === 3);
    expect(redeliveries.map((d) => d.guid).sort()).toEqual([sent[0]!.guid, sent[1]!.guid, sent[4]!.guid].sort());
    const [log] = await db.select().from(integrationLogs).where(and(eq(integrationLogs.integrationId, integration.id), like(integrationLogs.description, 'Recovered%')));
    expect(log).toMatchObject({ description: 'Recovered 3 missed deliveries (asked GitHub to redeliver).', details: expect.objectContaining({ recovered: 3 }) });

    // Everything is in: the next run asks for nothing.
    expect(await recoverGithubDeliveries(db, fresh, Date.now() + 240_000)).toMatchObject({ missing: 0, redelivered: 0 });
  });

  it('without a registered hook there is nothing to read', async () => {
    const { db, integration } = await createGithubIntegration(fake);
    expect(await recoverGithubDeliveries(db, (await getIntegrationById(db, integration.id))!)).toBeNull();
  });
});
