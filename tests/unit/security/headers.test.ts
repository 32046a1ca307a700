import { describe, expect, it } from 'vitest';
import { baseSecurityHeaders, contentSecurityPolicy, createNonce, webhookSecurityHeaders } from '@/lib/security/headers';
import { outlookCalendarWebhook } from '@/lib/integrations/outlook-calendar/verify-webhook';
import { plainTextResponse, rejection, webhookResponse } from '@/lib/webhooks/responses';

const directives = (csp: string) => new Map(csp.split('; ').map((d) => [d.split(' ')[0]!, d.split(' ').slice(1)]));

describe('security headers', () => {
  it('nosniff, no framing and the referrer policy always; HSTS only in production', () => {
    const dev = baseSecurityHeaders(false);
    expect(dev).toEqual({
      'X-Content-Type-Options': 'nosniff',
      'X-Frame-Options': 'DENY',
      'Referrer-Policy': 'strict-origin-when-cross-origin',
    });
    expect(baseSecurityHeaders(true)).toEqual({ ...dev, 'Strict-Transport-Security': 'max-age=63072000; includeSubDomains' });
  });

  it('nonces are 128 random bits in base64, new every time', () => {
    const nonces = new Set(Array.from({ length: 50 }, createNonce));
    expect(nonces.size).toBe(50);
    for (const n of nonces) expect(atob(n)).toHaveLength(16);
  });

  it('the page CSP allows scripts by nonce only, eval only in dev, and no framing', () => {
    const prod = directives(contentSecurityPolicy('abc123==', false));
    expect(prod.get('script-src')).toEqual(["'self'", "'nonce-abc123=='", "'strict-dynamic'"]);
    expect(prod.get('frame-ancestors')).toEqual(["'none'"]);
    expect(prod.get('object-src')).toEqual(["'none'"]);
    expect(prod.get('default-src')).toEqual(["'self'"]);
    // A nonce in style-src would switch 'unsafe-inline' off and break style attributes.
    expect(prod.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
    expect(contentSecurityPolicy('abc123==', false)).not.toContain('unsafe-eval');
    expect(directives(contentSecurityPolicy('n', true)).get('script-src')).toContain("'unsafe-eval'");
  });

  it('every webhook answer carries nosniff, DENY and a CSP that loads nothing', async () => {
    const echo = await outlookCalendarWebhook.verify({
      url: new URL('http://x/?validationToken=%3Cscript%3Ealert(1)%3C%2Fscript%3E'),
    } as Parameters<typeof outlookCalendarWebhook.verify>[0]);
    if (!echo.ok || echo.kind !== 'respond') throw new Error('expected the handshake echo');
    const answers = [echo.response, plainTextResponse(200, 'x'), webhookResponse(202, { ok: true }), rejection(429, 'slow down', { 'retry-after': '3' })];
    for (const res of answers) {
      for (const [name, value] of Object.entries(webhookSecurityHeaders)) expect(res.headers.get(name)).toBe(value);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
    }
    expect(echo.response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(await echo.response.text()).toBe('<script>alert(1)</script>');
    expect(answers[3]!.headers.get('retry-after')).toBe('3');
  });
});
