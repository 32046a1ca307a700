import { type NextRequest, NextResponse } from 'next/server';
import { checkPostOrigin } from '@/lib/security/action-origin';
import { baseSecurityHeaders, contentSecurityPolicy, createNonce } from '@/lib/security/headers';

/**
 * Before every page (and /api/auth): a foreign-origin POST is refused with a 403 (Next.js
 * itself would answer a server action from another origin with a 500 and a logged error);
 * everything else gets a fresh CSP nonce. Next.js reads the nonce from the request's CSP
 * header and puts it on its scripts, which works because every page renders per request
 * (the root layout reads the session). The static headers come from next.config.ts.
 */
export function proxy(request: NextRequest): NextResponse {
  const headers = new Headers(request.headers);
  const isPagePost = request.method === 'POST' && (request.headers.has('next-action') || !request.nextUrl.pathname.startsWith('/api/'));
  if (isPagePost) {
    const verdict = checkPostOrigin(request.headers);
    if (!verdict.ok) {
      return new NextResponse(`Forbidden: ${verdict.reason}\n`, {
        status: 403,
        headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', ...baseSecurityHeaders(false) },
      });
    }
    // Next.js compares the Origin with X-Forwarded-Host (else Host); hand it the host just verified.
    if (verdict.host) headers.set('x-forwarded-host', verdict.host);
  }
  const nonce = createNonce();
  const csp = contentSecurityPolicy(nonce, process.env.NODE_ENV === 'development');
  headers.set('content-security-policy', csp);
  headers.set('x-nonce', nonce);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set('content-security-policy', csp);
  return response;
}

export const config = {
  // Not static files, and not the hot machine-to-machine routes (webhooks set their own
  // headers in lib/webhooks/responses.ts; the internal drain route; the benchmark route; Inngest):
  // none render HTML.
  matcher: ['/((?!_next/static|_next/image|favicon.ico|integrations/webhooks/|api/internal/|bench/|api/inngest).*)'],
};
