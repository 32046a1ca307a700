import { NextRequest } from 'next/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { checkPostOrigin } from '@/lib/security/action-origin';
import { proxy } from '@/proxy';

const post = (origin: string | null, extra: Record<string, string> = {}, path = '/projects') =>
  new NextRequest(`http://127.0.0.1:3000${path}`, {
    method: 'POST',
    headers: { host: '127.0.0.1:3000', 'next-action': '7f00aa', ...(origin === null ? {} : { origin }), ...extra },
  });

describe('server-action Origin check', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('without APP_URL: the Origin host must be the Host; X-Forwarded-Host only with TRUST_PROXY=1', () => {
    vi.stubEnv('APP_URL', '');
    vi.stubEnv('TRUST_PROXY', '');
    const h = (o: Record<string, string>) => new Headers({ host: 'app.test', ...o });
    expect(checkPostOrigin(h({ origin: 'https://app.test' }))).toEqual({ ok: true, host: 'app.test' });
    expect(checkPostOrigin(h({ origin: 'https://evil.test' }))).toEqual({ ok: false, reason: 'foreign Origin' });
    expect(checkPostOrigin(h({ origin: 'https://evil.test', 'x-forwarded-host': 'evil.test' })).ok).toBe(false);
    vi.stubEnv('TRUST_PROXY', '1');
    expect(checkPostOrigin(h({ origin: 'https://public.test', 'x-forwarded-host': 'public.test, inner' })).ok).toBe(true);
    expect(checkPostOrigin(h({ origin: 'https://app.test', 'x-forwarded-host': 'public.test' })).ok).toBe(false);
  });

  it('with APP_URL: scheme, host and port must all match it', () => {
    vi.stubEnv('APP_URL', 'https://tb.example.com/');
    const h = (origin: string) => new Headers({ host: 'internal:3000', origin });
    expect(checkPostOrigin(h('https://tb.example.com')).ok).toBe(true);
    expect(checkPostOrigin(h('http://tb.example.com')).ok).toBe(false);
    expect(checkPostOrigin(h('https://tb.example.com:8443')).ok).toBe(false);
    expect(checkPostOrigin(h('http://internal:3000')).ok).toBe(false);
  });

  it('refuses Origin: null, unparsable and non-web origins; allows a POST without Origin', () => {
    vi.stubEnv('APP_URL', '');
    const h = (origin?: string) => new Headers({ host: 'app.test', ...(origin ? { origin } : {}) });
    expect(checkPostOrigin(h('null'))).toEqual({ ok: false, reason: 'opaque Origin' });
    expect(checkPostOrigin(h('::not a url'))).toEqual({ ok: false, reason: 'unparsable Origin' });
    expect(checkPostOrigin(h('foo://app.test')).ok).toBe(false);
    expect(checkPostOrigin(h())).toEqual({ ok: true, host: null });
  });

  it('proxy: 403 for a foreign server action, a CSP with a fresh nonce for everything else', async () => {
    vi.stubEnv('APP_URL', '');
    for (const origin of ['http://evil.test', 'null', 'http://[bad']) {
      const res = proxy(post(origin));
      expect(res.status).toBe(403);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(await res.text()).toMatch(/^Forbidden: /);
    }
    // A plain form POST to a page (a no-JS server action) is checked too; /api/auth is not.
    expect(proxy(post('http://evil.test', {}, '/projects/new')).status).toBe(403);
    const { 'next-action': _, ...noAction } = Object.fromEntries(post('http://evil.test').headers);
    const idp = new NextRequest('http://127.0.0.1:3000/api/auth/callback/oidc', { method: 'POST', headers: noAction });
    expect(proxy(idp).headers.get('x-middleware-next')).toBe('1');

    const ok = proxy(post('http://127.0.0.1:3000', { 'x-forwarded-host': 'spoofed' }));
    expect(ok.headers.get('x-middleware-next')).toBe('1');
    // Next.js compares the Origin with X-Forwarded-Host: it gets the verified host.
    expect(ok.headers.get('x-middleware-request-x-forwarded-host')).toBe('127.0.0.1:3000');
    const csp = ok.headers.get('content-security-policy')!;
    const nonce = ok.headers.get('x-middleware-request-x-nonce')!;
    expect(csp).toContain(`'nonce-${nonce}'`);
    expect(ok.headers.get('x-middleware-request-content-security-policy')).toBe(csp);
    const again = proxy(new NextRequest('http://127.0.0.1:3000/projects'));
    expect(again.headers.get('content-security-policy')).not.toBe(csp);
  });
});
