import { describe, expect, it } from 'vitest';
import { describeRejections, RejectionCounter, type RejectionSummary } from '@/lib/webhooks/rejections';

async function waitFor<T>(read: () => T | undefined, timeoutMs: number): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = read();
    if (value !== undefined) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`not within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('rejected webhook requests in plain words', () => {
  it('names each reason with its count, most frequent first, merging reasons that read the same', () => {
    expect(describeRejections({
      count: 3,
      reasons: { '401 missing X-Hub-Signature-256': 1, '401 invalid signature': 2 },
    })).toBe('3 requests rejected: bad signature ×2, missing signature ×1');
    expect(describeRejections({
      count: 5,
      reasons: { '401 dynamic webhook delivery without a valid JWT': 1, '401 invalid signature': 1, '429 rate limit exceeded': 3 },
    })).toBe('5 requests rejected: too many requests ×3, bad signature ×2');
    // Equal counts: alphabetical, so the text does not depend on arrival order.
    expect(describeRejections({ count: 2, reasons: { '415 unsupported content type': 1, '401 invalid signature': 1 } }))
      .toBe('2 requests rejected: bad signature ×1, wrong content type ×1');
    expect(describeRejections({ count: 1, reasons: { '415 unsupported content type': 1 } })).toBe('1 request rejected: wrong content type ×1');
    // A reason without a plainer name keeps its own words, without the status code.
    expect(describeRejections({ count: 1, reasons: { '400 body is not a JSON object': 1 } })).toBe('1 request rejected: body is not a JSON object ×1');
  });

  it('a window ends by itself: its rejections are written once, without anyone flushing', async () => {
    const writes: RejectionSummary[] = [];
    const counter = new RejectionCounter(async (s) => writes.push(s), 30);
    counter.record('int-1', 'prov', '401 invalid signature');
    counter.record('int-1', 'prov', '401 invalid signature');
    expect(writes).toHaveLength(0);
    const written = await waitFor(() => writes[0], 2_000);
    expect(written).toMatchObject({ integrationId: 'int-1', count: 2, reasons: { '401 invalid signature': 2 } });
    // The next rejection opens a new window.
    counter.record('int-1', 'prov', '415 unsupported content type');
    expect(counter.pendingCount('int-1')).toBe(1);
    await waitFor(() => writes[1], 2_000);
    expect(writes).toHaveLength(2);
  });
});
