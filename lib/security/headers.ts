/**
 * Security headers, built in one place (edge-safe: no Node imports) for next.config.ts
 * (every response), proxy.ts (the per-request page CSP) and lib/webhooks/responses.ts.
 */

type HeaderMap = Record<string, string>;

/** Headers every response carries; HSTS only in a production build (never on http://localhost in dev). */
export function baseSecurityHeaders(production: boolean): HeaderMap {
  return {
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    ...(production ? { 'Strict-Transport-Security': 'max-age=63072000; includeSubDomains' } : {}),
  };
}

/** 128 random bits, base64 (the CSP nonce grammar), new for every request. */
export function createNonce(): string {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
}

/**
 * The page CSP. Scripts: only those carrying this request's nonce, and what they load
 * ('strict-dynamic'); Next.js puts the nonce on its own scripts when it finds it in the
 * request's CSP header. 'unsafe-eval' only under `next dev` (React rebuilds server error
 * stacks with eval). Styles allow 'unsafe-inline' (and so carry no nonce, which would
 * switch it off): React renders `style={…}` props as style attributes (progress bars),
 * which no nonce can cover, and next-auth's own pages (/api/auth/signout, /api/auth/error)
 * ship an inline <style> without one. Injected CSS cannot run script.
 */
export function contentSecurityPolicy(nonce: string, dev: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/**
 * Webhook answers (JSON, or the Graph validationToken echoed as text/plain): never
 * sniffed, framed or allowed to load anything, whatever a sender put in them.
 */
export const webhookSecurityHeaders: HeaderMap = {
  ...baseSecurityHeaders(false),
  'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
};
