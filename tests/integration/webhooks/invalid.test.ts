import { InngestTestEngine } from '@inngest/test';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { listIntegrationLogs } from '@/db/queries/integration-logs';
import { countFailedDeliveries } from '@/db/queries/webhook-ingest';
import { webhookProcess } from '@/inngest/functions/webhook-process';
import { replayDeliveries } from '@/lib/webhooks/replay';
import { createWebhookIntegration, deliveriesOf, githubHeaders, post, settled, storedDelivery } from './fixtures';

// Signed, but not the shape GitHub's handler needs: `issue` has no id or title.
const malformed = JSON.stringify({ action: 'opened', issue: { number: 7 } });

describe('a verified delivery with the wrong shape is `invalid`: final, not retried, not in "Replay all failed"', () => {
  it('in-process: one attempt, status invalid with the field named, logged; replay-all skips it, a single replay may rerun it', async () => {
    const { integration, secret } = await createWebhookIntegration('github');
    const res = await post('github', integration.id, { body: malformed, headers: await githubHeaders(secret, malformed, 'issues', 'bad-shape-1') });
    expect(res.status).toBe(202); // verification is about the sender; the shape is processing's business
    const [row] = await settled(integration.id);
    expect(row).toMatchObject({ status: 'invalid', attempts: 1, processed: false });
    expect(row!.error).toMatch(/\[github\] issues payload is malformed: issue\.id/);

    const db = getDb();
    expect(await countFailedDeliveries(db, integration.id)).toBe(0);
    expect(await replayDeliveries(db, integration.id, null)).toEqual([]);
    expect((await deliveriesOf(integration.id))[0]).toMatchObject({ status: 'invalid', attempts: 1 });
    const logs = await listIntegrationLogs(db, integration.id);
    expect(logs.some((l) => l.status === 'warning' && l.description.includes('is invalid (not retried)'))).toBe(true);

    // Chosen: replaying one named delivery is allowed (a fixed handler may understand it now).
    expect(await replayDeliveries(db, integration.id, [row!.id])).toEqual([row!.id]);
    expect((await settled(integration.id))[0]).toMatchObject({ status: 'invalid', attempts: 1 });
  });

  it('Inngest: invalid ends the run with NonRetriableError', async () => {
    const stored = await storedDelivery('bad-shape-2', JSON.parse(malformed));
    const engine = new InngestTestEngine({
      function: webhookProcess,
      events: [{ name: 'webhook/delivery.received', data: { deliveryId: stored.id, integrationId: stored.integrationId } }],
    });
    const { error } = await engine.execute();
    expect(error).toMatchObject({ name: 'NonRetriableError', message: expect.stringContaining('delivery invalid') });
    expect((await deliveriesOf(stored.integrationId))[0]).toMatchObject({ status: 'invalid', attempts: 1 });
  });
});
