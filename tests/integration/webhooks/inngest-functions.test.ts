import { UserFacingError } from '@/lib/errors';
import { InngestTestEngine } from '@inngest/test';
import { afterEach, describe, expect, it } from 'vitest';
import { webhookProcess } from '@/inngest/functions/webhook-process';
import { webhookSweep } from '@/inngest/functions/webhook-sweep';
import { PermanentWebhookError } from '@/lib/integrations/kit/errors';
import { deliveriesOf, storedDelivery, swapProcessor } from './fixtures';

const engineFor = (d: { id: string; integrationId: string }) =>
  new InngestTestEngine({
    function: webhookProcess,
    events: [{ name: 'webhook/delivery.received', data: { deliveryId: d.id, integrationId: d.integrationId } }],
  });

describe('Inngest functions (InngestTestEngine)', () => {
  let restore = () => {};
  afterEach(() => restore());

  it('webhook-process: no handler yet → marked no_handler, honestly; a second run changes nothing', async () => {
    restore = swapProcessor('github', undefined);
    const d = await storedDelivery('inngest-1');
    const { result } = await engineFor(d).execute();
    expect(result).toMatchObject({ outcome: 'no_handler' });
    const { result: again } = await engineFor(d).execute();
    expect(again).toEqual({ outcome: 'skipped' });
    const [row] = await deliveriesOf(d.integrationId);
    expect(row).toMatchObject({ status: 'no_handler', processed: true, attempts: 1 });
    expect(row!.processedAt).toBeInstanceOf(Date);
  });

  it('webhook-process: a handler result is stored; a transient error leaves the delivery pending and throws for a retry', async () => {
    let fail = true;
    restore = swapProcessor('github', async () => {
      if (fail) throw new UserFacingError('GitHub answered 502') // providers word their failures for users;
      return { taskId: 't-1' };
    });
    const d = await storedDelivery('inngest-2');
    const first = await engineFor(d).execute();
    expect(first.error).toMatchObject({ message: expect.stringContaining('will be retried') });
    expect((await deliveriesOf(d.integrationId))[0]).toMatchObject({ status: 'pending', error: 'GitHub answered 502', attempts: 1 });
    fail = false;
    const second = await engineFor(d).execute();
    expect(second.result).toMatchObject({ outcome: 'processed', result: { taskId: 't-1' } });
    expect((await deliveriesOf(d.integrationId))[0]).toMatchObject({ status: 'processed', error: null, attempts: 2, result: { taskId: 't-1' } });
  });

  it('webhook-process: a permanent failure → failed + NonRetriableError', async () => {
    restore = swapProcessor('github', async () => {
      throw new PermanentWebhookError('token revoked');
    });
    const d = await storedDelivery('inngest-3');
    const { error } = await engineFor(d).execute();
    expect(error).toMatchObject({ name: 'NonRetriableError' });
    expect((await deliveriesOf(d.integrationId))[0]).toMatchObject({ status: 'failed', error: 'token revoked', processed: false });
  });

  it('webhook-sweep: re-sends what is pending and due, and returns how many', async () => {
    await storedDelivery('inngest-4');
    const { result } = await new InngestTestEngine({ function: webhookSweep }).execute();
    // Fresh deliveries are not yet due (1 minute); the count proves the step ran against the database.
    expect(result).toEqual({ resent: expect.any(Number) });
  });
});
