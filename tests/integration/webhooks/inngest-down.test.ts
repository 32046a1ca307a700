import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db/client';
import { jobMode } from '@/lib/jobs/mode';
import { sweepPendingDeliveries } from '@/lib/webhooks/sweep';
import { createWebhookIntegration, deliveriesOf, githubHeaders, post, settled, swapProcessor } from './fixtures';

// Inngest configured (dev mode) but unreachable: nothing listens on this port.
vi.hoisted(() => {
  process.env.INNGEST_DEV = '1';
  process.env.INNGEST_BASE_URL = 'http://127.0.0.1:9';
});

describe('Inngest unreachable', () => {
  // The pipeline's own behaviour ("no handler yet"), whatever handlers other helpers ship.
  const restores: Array<() => void> = [];
  beforeAll(() => {
    for (const p of ['github', 'slack', 'jira', 'google-calendar', 'outlook-calendar'] as const) restores.push(swapProcessor(p, undefined));
  });
  afterAll(() => restores.forEach((r) => r()));

  it('the delivery is still accepted and stays pending; the sweep later gets it processed', async () => {
    expect(jobMode()).toBe('inngest');
    const { integration, secret } = await createWebhookIntegration('github');
    // Swept alone: on PGlite the whole suite shares one database, and other files' due
    // deliveries are not this test's business.
    const scope = { integrationId: integration.id };
    const body = JSON.stringify({ action: 'labeled', issue: { number: 9 } });
    const res = await post('github', integration.id, { body, headers: await githubHeaders(secret, body, 'issues', 'no-inngest') });
    expect(res.status).toBe(202); // stored before the 2xx; the failed send loses nothing
    const [pending] = await deliveriesOf(integration.id);
    expect(pending).toMatchObject({ status: 'pending', attempts: 0 });

    // Not due yet: the sweep leaves fresh deliveries to their own dispatch.
    expect(await sweepPendingDeliveries(getDb(), new Date(), scope)).toBe(0);
    // Inngest still down a minute later: the sweep's re-send fails too, the row stays pending.
    expect(await sweepPendingDeliveries(getDb(), new Date(Date.now() + 61_000), scope)).toBe(1);
    expect((await deliveriesOf(integration.id))[0]!.status).toBe('pending');

    // No Inngest any more (in-process mode): the next sweep processes it here.
    delete process.env.INNGEST_DEV;
    expect(jobMode()).toBe('in-process');
    expect(await sweepPendingDeliveries(getDb(), new Date(Date.now() + 61_000), scope)).toBe(1);
    const [row] = await settled(integration.id);
    expect(row).toMatchObject({ status: 'no_handler', processed: true, attempts: 1 });
  });
});
