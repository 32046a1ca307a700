import { afterEach, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { claimDelivery, finishDelivery, listSweepableDeliveries, renewDeliveryLease } from '@/db/queries/webhook-ingest';
import { processDelivery } from '@/lib/webhooks/process-delivery';
import { sweepPendingDeliveries } from '@/lib/webhooks/sweep';
import { deliveriesOf, settled, storedDelivery, swapProcessor } from './fixtures';

const sweepable = async (at: Date) => (await listSweepableDeliveries(getDb(), at, 100_000)).map((r) => r.id);

describe('processing lease (a crashed attempt is reclaimed after ~60 s, a live one never)', () => {
  let restore = () => {};
  afterEach(() => restore());

  it('a claim whose lease lapsed is reclaimed by the sweep; one whose lease was renewed is not', async () => {
    restore = swapProcessor('github', async () => ({ handled: true }));
    const db = getDb();
    const crashed = await storedDelivery('lease-lapsed');
    const alive = await storedDelivery('lease-renewed');
    const t0 = new Date();
    const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);
    expect(await claimDelivery(db, crashed.id, t0)).toBeDefined();
    expect(await claimDelivery(db, alive.id, t0)).toBeDefined();
    // The live worker renews its lease; the crashed one never does.
    expect(await renewDeliveryLease(db, { id: alive.id, attempts: 1 }, at(40))).toBe(true);

    expect(await claimDelivery(db, crashed.id, at(30))).toBeUndefined(); // the lease still holds
    expect(await sweepable(at(59))).not.toContain(crashed.id);
    const due = await sweepable(at(61));
    expect(due).toContain(crashed.id);
    expect(due).not.toContain(alive.id);
    expect(await sweepable(at(101))).toContain(alive.id); // its renewal lapsed too, 60 s later

    await sweepPendingDeliveries(db, at(61));
    const [row] = await settled(crashed.integrationId);
    expect(row).toMatchObject({ status: 'processed', attempts: 2, leaseExpiresAt: null, result: { handled: true } });
    expect((await deliveriesOf(alive.integrationId))[0]).toMatchObject({ status: 'processing', attempts: 1 });
    // The crashed attempt's late renewal cannot extend someone else's claim.
    expect(await renewDeliveryLease(db, { id: crashed.id, attempts: 1 }, at(62))).toBe(false);
    // Nor can a superseded attempt's late outcome overwrite the current claim's.
    expect(await claimDelivery(db, alive.id, at(101))).toMatchObject({ attempts: 2 });
    await finishDelivery(db, { id: alive.id, attempts: 1 }, { status: 'failed', error: 'late' });
    expect((await deliveriesOf(alive.integrationId))[0]).toMatchObject({ status: 'processing', attempts: 2, error: null });
  });

  it('processing renews the lease while the handler runs, and clears it when done', async () => {
    let offsetMs = 0;
    const clock = () => new Date(Date.now() + offsetMs);
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let started!: () => void;
    const running = new Promise<void>((r) => (started = r));
    restore = swapProcessor('github', async () => {
      started();
      await gate;
      return { slow: true };
    });
    const d = await storedDelivery('lease-kept');
    const run = processDelivery(getDb(), d.id, 5, { now: clock, renewLeaseEveryMs: 20 });
    await running;
    offsetMs = 50_000; // the handler has been running for 50 s
    const renewedUntil = clock().getTime() + 60_000;
    await expect.poll(async () => (await deliveriesOf(d.integrationId))[0]!.leaseExpiresAt!.getTime()).toBeGreaterThanOrEqual(renewedUntil - 1000);
    // Without renewals the lease would have ended at +60 s; at +80 s the delivery is still held.
    expect(await sweepable(new Date(clock().getTime() + 30_000))).not.toContain(d.id);
    release();
    expect(await run).toMatchObject({ outcome: 'processed', result: { slow: true } });
    expect((await deliveriesOf(d.integrationId))[0]).toMatchObject({ status: 'processed', leaseExpiresAt: null });
  });
});
