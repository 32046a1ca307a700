import { errorSummary } from '@/lib/errors';

/**
 * How long rejected requests of one integration are gathered before they are written as one
 * log entry: short, so a bad signature shows on the logs page within seconds, yet a flood
 * still costs at most one write per integration per window.
 */
export const WEBHOOK_REJECTION_WINDOW_MS = 3_000;

export type RejectionSummary = {
  integrationId: string;
  providerRowId: string;
  count: number;
  /** `<status> <reason>` as answered to the sender → how many times. */
  reasons: Record<string, number>;
  since: Date;
};
type Pending = RejectionSummary & { timer?: ReturnType<typeof setTimeout> };

/**
 * Counts rejected requests per integration and writes them as one log entry per window
 * (WEBHOOK_REJECTION_WINDOW_MS). The first rejection opens the window; its end flushes what
 * accumulated.
 */
export class RejectionCounter {
  private pending = new Map<string, Pending>();
  constructor(
    private readonly write: (summary: RejectionSummary) => Promise<unknown>,
    private readonly windowMs = WEBHOOK_REJECTION_WINDOW_MS,
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

/** What a rejection reason means to the person reading the logs (the sender got the exact reason). */
const plainReasons: Array<[RegExp, string]> = [
  [/^429 /, 'too many requests'],
  [/^415 /, 'wrong content type'],
  [/^413 /, 'body too large'],
  [/^408 /, 'body too slow to arrive'],
  [/secret unreadable/, 'our stored webhook secret cannot be read'],
  [/^401 missing or invalid .*token/i, 'missing or bad token'],
  [/^401 missing .*(signature|token|jwt)|^401 unsigned/i, 'missing signature'],
  [/^401 (invalid signature|.*(without a valid|without the right|does not match|invalid .*token))/i, 'bad signature'],
  [/^401 stale or future timestamp/, 'timestamp too old or in the future'],
];

export function rejectionReasonInWords(reason: string): string {
  const match = plainReasons.find(([pattern]) => pattern.test(reason));
  return match ? match[1] : reason.replace(/^\d{3} /, '');
}

/** "3 requests rejected: bad signature ×2, missing signature ×1" (most frequent first). */
export function describeRejections(summary: Pick<RejectionSummary, 'count' | 'reasons'>): string {
  const byWords = new Map<string, number>();
  for (const [reason, n] of Object.entries(summary.reasons)) {
    const words = rejectionReasonInWords(reason);
    byWords.set(words, (byWords.get(words) ?? 0) + n);
  }
  const parts = [...byWords].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([words, n]) => `${words} ×${n}`);
  const head = `${summary.count} request${summary.count === 1 ? '' : 's'} rejected`;
  return parts.length > 0 ? `${head}: ${parts.join(', ')}` : head;
}
