import { describe, expect, it } from 'vitest';
import { appUrlFor, configuredAppUrl, originFromHeaders } from '@/lib/app-url';

const h = (init: Record<string, string>) => new Headers(init);

describe('configuredAppUrl', () => {
  it('is APP_URL reduced to its origin, or null when unset', () => {
    expect(configuredAppUrl({ APP_URL: 'https://tb.example/' })).toBe('https://tb.example');
    expect(configuredAppUrl({ APP_URL: ' http://127.0.0.1:3210 ' })).toBe('http://127.0.0.1:3210');
    expect(configuredAppUrl({})).toBeNull();
    expect(configuredAppUrl({ APP_URL: '' })).toBeNull();
  });

  it('refuses an APP_URL that is not an http(s) URL', () => {
    for (const APP_URL of ['tb.example', 'javascript:alert(1)', 'ftp://tb.example']) expect(() => configuredAppUrl({ APP_URL })).toThrow(/APP_URL/);
  });
});

describe('originFromHeaders', () => {
  it('uses Host; X-Forwarded-* are ignored without TRUST_PROXY=1', () => {
    const headers = h({ host: 'tb.example', 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'http' });
    expect(originFromHeaders(headers, {})).toBe('https://tb.example');
    expect(originFromHeaders(h({ host: 'localhost:3000' }), {})).toBe('http://localhost:3000');
    expect(originFromHeaders(h({ host: '127.0.0.1:3210' }), {})).toBe('http://127.0.0.1:3210');
  });

  it('with TRUST_PROXY=1, the first X-Forwarded-Host/-Proto win', () => {
    const headers = h({ host: '10.0.0.5:3000', 'x-forwarded-host': 'tb.example, proxy.internal', 'x-forwarded-proto': 'https,http' });
    expect(originFromHeaders(headers, { TRUST_PROXY: '1' })).toBe('https://tb.example');
    expect(originFromHeaders(h({ host: 'tb.example', 'x-forwarded-proto': 'gopher' }), { TRUST_PROXY: '1' })).toBe('https://tb.example');
  });

  it('refuses a host that would reshape the URL', () => {
    for (const host of ['evil.example/path', 'user@evil.example', 'evil.example:80:80', 'evil example', 'a\\b', '']) {
      expect(originFromHeaders(h({ host }), {})).toBeNull();
    }
    expect(originFromHeaders(h({ host: 'tb.example', 'x-forwarded-host': 'evil.example/x' }), { TRUST_PROXY: '1' })).toBeNull();
  });
});

describe('appUrlFor', () => {
  it('APP_URL wins over any header; without it, the headers; outside a request, null', () => {
    const headers = h({ host: 'evil.example', 'x-forwarded-host': 'evil.example' });
    expect(appUrlFor(headers, { APP_URL: 'https://tb.example', TRUST_PROXY: '1' })).toBe('https://tb.example');
    expect(appUrlFor(h({ host: 'localhost:3000' }), {})).toBe('http://localhost:3000');
    expect(appUrlFor(null, {})).toBeNull();
  });
});
