import { errorSummary } from '@/lib/errors';

export type RejectionSummary = {
  integrationId: string;
  providerRowId: string;
  count: number;
  reasons: Record<string, number>;
  since: Date;
};
type Pending = RejectionSummary & { timer?: ReturnType<typeof setTimeout> };

/**
 * Counts rejected requests per integration and writes them as one log entry per window
 * (default a minute): a flood of unsigned requests costs at most one write per integration
 * per minute. The first rejection opens the window; its end flushes what accumulated.
 */
export class RejectionCounter {
  private pending = new Map<string, Pending>();
  constructor(
    private readonly write: (summary: RejectionSummary) => Promise<unknown>,
    private readonly windowMs = 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  record(integrationId: string, providerRowId: string, reason: string): void {
    let entry = this.pending.get(integrationId);
    if (!entry) {
      entry = { integrationId, providerRowId, count: 0, reasons: {}, since: new Date(this.now()) };
      this.pending.set(integrationId, entry);
      const timer = setTimeout(() => void this.flush(integrationId), this.windowMs);
      (timer as { unref?: () => void }).unref?.();
      entry.timer = timer;
    }
    entry.count += 1;
    entry.reasons[reason] = (entry.reasons[reason] ?? 0) + 1;
  }

  /** Writes one integration's accumulated count (normally called by the window's timer). */
  async flush(integrationId: string): Promise<void> {
    const entry = this.pending.get(integrationId);
    if (!entry) return;
    this.pending.delete(integrationId);
    if (entry.timer) clearTimeout(entry.timer);
    const { timer: _timer, ...summary } = entry;
    try {
      await this.write(summary);
    } catch (err) {
      console.warn('[webhooks] could not record rejected requests:', errorSummary(err));
    }
  }

  async flushAll(): Promise<void> {
    await Promise.all([...this.pending.keys()].map((id) => this.flush(id)));
  }

  pendingCount(integrationId: string): number {
    return this.pending.get(integrationId)?.count ?? 0;
  }
}
