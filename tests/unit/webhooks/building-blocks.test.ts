import { describe, expect, it } from 'vitest';
import { timingSafeEqualText } from '@/lib/integrations/kit/hmac';
import { RateLimiter } from '@/lib/webhooks/rate-limit';
import { readBodyWithLimit } from '@/lib/webhooks/read-body';
import { redactHeaders } from '@/lib/webhooks/redact-headers';
import { RejectionCounter, type RejectionSummary } from '@/lib/webhooks/rejections';

describe('webhook building blocks', () => {
  it('reads the body up to the limit: Content-Length first, then the bytes streamed', async () => {
    const ok = await readBodyWithLimit(new Request('http://x', { method: 'POST', body: 'abcd' }), 4);
    expect(ok).toMatchObject({ ok: true });
    const declared = new Request('http://x', { method: 'POST', body: 'ab', headers: { 'content-length': '5000' } });
    expect(await readBodyWithLimit(declared, 4)).toMatchObject({ ok: false, status: 413 });
    // No Content-Length (a stream): the counted bytes decide.
    const stream = new ReadableStream<Uint8Array>({
      start(c) { c.enqueue(new Uint8Array(3)); c.enqueue(new Uint8Array(3)); c.close(); },
    });
    const chunked = new Request('http://x', { method: 'POST', body: stream, duplex: 'half' } as RequestInit);
    expect(await readBodyWithLimit(chunked, 4)).toMatchObject({ ok: false, status: 413 });
  });

  it('redacts signatures, tokens and cookies from stored headers', () => {
    const out = redactHeaders(new Headers({
      'x-hub-signature-256': 'sha256=abc', 'x-slack-signature': 'v0=1', 'x-goog-channel-token': 't',
      authorization: 'Bearer x', cookie: 'a=b', 'x-github-event': 'issues', 'x-custom-secret': 's',
    }));
    expect(out['x-github-event']).toBe('issues');
    for (const k of ['x-hub-signature-256', 'x-slack-signature', 'x-goog-channel-token', 'authorization', 'cookie', 'x-custom-secret']) {
      expect(out[k]).toBe('[redacted]');
    }
  });

  it('rate-limits per integration with a Retry-After, refilling over time', () => {
    let now = 0;
    const limiter = new RateLimiter(3, () => now);
    expect([1, 2, 3].map(() => limiter.take('a').ok)).toEqual([true, true, true]);
    const refused = limiter.take('a');
    expect(refused).toEqual({ ok: false, retryAfterSeconds: 20 });
    expect(limiter.take('b').ok).toBe(true); // another integration is unaffected
    now = 20_000;
    expect(limiter.take('a').ok).toBe(true);
  });

  it('aggregates rejections: a flood costs one write per integration per window', async () => {
    const writes: RejectionSummary[] = [];
    const counter = new RejectionCounter(async (s) => writes.push(s), 60_000);
    for (let i = 0; i < 1000; i++) counter.record('int-1', 'prov', '401 invalid signature');
    counter.record('int-1', 'prov', '415 unsupported content type');
    counter.record('int-2', 'prov', '401 invalid signature');
    expect(writes).toHaveLength(0);
    await counter.flushAll();
    expect(writes).toHaveLength(2);
    expect(writes.find((w) => w.integrationId === 'int-1')).toMatchObject({
      count: 1001, reasons: { '401 invalid signature': 1000, '415 unsupported content type': 1 },
    });
  });

  it('compares tokens in constant time via HMAC verify', async () => {
    expect(await timingSafeEqualText('token-1', 'token-1')).toBe(true);
    expect(await timingSafeEqualText('token-1', 'token-2')).toBe(false);
    expect(await timingSafeEqualText('token-1', '')).toBe(false);
    expect(await timingSafeEqualText('token-1', null)).toBe(false);
  });
});
