import { describe, expect, it } from 'vitest';
import { clientAddress } from '@/lib/webhooks/client-address';
import { readBodyWithLimit } from '@/lib/webhooks/read-body';
import { rejection, withWebhookHeaders } from '@/lib/webhooks/responses';
import { tricklingRequest } from '../../helpers/trickle';

describe('reading a webhook body has a deadline', () => {
  it('a sender slower than the deadline gets 408 at the deadline, and its stream is cancelled', async () => {
    const { request, state } = tricklingRequest(100, 20); // would take 2 s
    const started = Date.now();
    const result = await readBodyWithLimit(request, 1024, 150);
    const took = Date.now() - started;
    expect(result).toEqual({ ok: false, status: 408, reason: 'body not received within 150 ms' });
    expect(took).toBeGreaterThanOrEqual(140);
    expect(took).toBeLessThan(1000);
    await new Promise((r) => setTimeout(r, 50));
    expect(state.cancelled).toBe(true);
    expect(state.sent).toBeLessThan(100);
  });

  it('a slow sender that finishes in time is read whole; no deadline means none', async () => {
    const inTime = tricklingRequest(5, 10);
    expect(await readBodyWithLimit(inTime.request, 1024, 2000)).toMatchObject({ ok: true, bytes: new Uint8Array(5).fill(0x20) });
    const untimed = tricklingRequest(3, 10);
    expect(await readBodyWithLimit(untimed.request, 1024)).toMatchObject({ ok: true });
  });
});

describe('client address for the unverified bucket', () => {
  const withXff = (value?: string) => new Request('http://x', { headers: value ? { 'x-forwarded-for': value } : {} });

  it('TRUST_PROXY=1: the first X-Forwarded-For hop; otherwise the header as Next passes it; else unknown', () => {
    expect(clientAddress(withXff('203.0.113.7, 10.0.0.1'), { TRUST_PROXY: '1' })).toBe('203.0.113.7');
    expect(clientAddress(withXff('203.0.113.7, 10.0.0.1'), {})).toBe('203.0.113.7, 10.0.0.1');
    expect(clientAddress(withXff('::1'), {})).toBe('::1');
    expect(clientAddress(withXff(), { TRUST_PROXY: '1' })).toBe('unknown');
    expect(clientAddress(withXff('x'.repeat(5000)), {})).toHaveLength(100);
  });
});

describe('webhook answers', () => {
  it('carry nosniff and no-store, ours and a verifier’s own (the Graph text/plain echo)', async () => {
    expect(rejection(401, 'nope').headers.get('x-content-type-options')).toBe('nosniff');
    const echo = withWebhookHeaders(new Response('token<script>', { status: 200, headers: { 'content-type': 'text/plain; charset=utf-8' } }));
    expect(echo.headers.get('x-content-type-options')).toBe('nosniff');
    expect(echo.headers.get('cache-control')).toBe('no-store');
    expect(echo.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(await echo.text()).toBe('token<script>');
  });
});
