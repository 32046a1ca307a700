import webhookDefinitions from '@octokit/webhooks-examples';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { projectIntegrations } from '@/db/schema';
import { createWebhookIntegration, deliveriesOf, githubHeaders, post, settled, swapProcessor } from './fixtures';

const EVENTS = ['issues', 'issue_comment', 'ping', 'pull_request', 'push'];
const examples = webhookDefinitions
  .filter((d) => EVENTS.includes(d.name))
  .flatMap((d) => d.examples.map((example, i) => ({ event: d.name, i, example })));

describe('every issues / issue_comment / ping / pull_request / push example of @octokit/webhooks-examples', () => {
  // The pipeline's own behaviour ("no handler yet"), whatever handlers other helpers ship.
  const restores: Array<() => void> = [];
  beforeAll(() => {
    for (const p of ['github', 'slack', 'jira', 'google-calendar', 'outlook-calendar'] as const) restores.push(swapProcessor(p, undefined));
  });
  afterAll(() => restores.forEach((r) => r()));

  it('has the examples (guards against an empty loop)', () => {
    expect(examples.length).toBeGreaterThanOrEqual(70);
    expect(new Set(examples.map((e) => e.event))).toEqual(new Set(EVENTS));
  });

  it('each, signed and POSTed through the real route, is accepted and recorded once; a redelivery is a 200 duplicate', async () => {
    const { integration, secret } = await createWebhookIntegration('github');
    for (const [n, { event, i, example }] of examples.entries()) {
      const body = JSON.stringify(example);
      const deliveryId = `gh-${event}-${i}`;
      const headers = await githubHeaders(secret, body, event, deliveryId);
      const res = await post('github', integration.id, { body, headers, trailingSlash: n % 2 === 0 });
      expect(res.status, `${event} #${i}: ${await res.clone().text()}`).toBe(202);
      const again = await post('github', integration.id, { body, headers });
      expect(again.status, `${event} #${i} redelivered`).toBe(200);
      expect(await again.json()).toMatchObject({ duplicate: true });
    }
    const rows = await settled(integration.id, 30_000);
    expect(rows).toHaveLength(examples.length);
    for (const { event, i, example } of examples) {
      const row = rows.find((r) => r.deliveryId === `gh-${event}-${i}`)!;
      expect(row.eventType).toBe(event);
      expect(row.eventAction).toBe((example as { action?: string }).action ?? null);
      expect(row.payload).toEqual(example);
      expect(row.headers['x-hub-signature-256']).toBe('[redacted]');
      expect(row.attempts).toBe(1);
      // No GitHub handler yet (helper D's): honestly "no handler"; ping is fully handled here.
      expect(row.status).toBe(event === 'ping' ? 'processed' : 'no_handler');
    }
    expect((await deliveriesOf(integration.id)).length).toBe(examples.length);
    const [after] = await getDb().select().from(projectIntegrations).where(eq(projectIntegrations.id, integration.id));
    expect(after!.webhookConfirmedAt).toBeInstanceOf(Date); // the ping confirmed the webhook
  });
});
