/** Longest key kept per client (an IPv6 address with a zone fits); longer values are cut. */
const MAX_LENGTH = 100;

/**
 * The client's address, only to key the bucket of *unverified* webhook requests (never for
 * anything a signature decides). Web-standard: read from the request's headers alone.
 *
 * - `TRUST_PROXY=1`: the first hop of `X-Forwarded-For`. Set it only behind a proxy that
 *   sets or overwrites that header (Vercel, most load balancers); otherwise the first hop is
 *   whatever the client wrote.
 * - Otherwise: `X-Forwarded-For` as Next passes it to the route. Next 16 has no
 *   `request.ip`; `next start` fills this header with the socket's remote address only when
 *   the request has none, so a client that sends its own picks its own key: that only lets it
 *   dodge its own 429s (its requests are still refused), it cannot spend anyone else's bucket.
 * - Neither: `unknown` (one unverified bucket for the integration).
 */
export function clientAddress(request: Request, env: Record<string, string | undefined> = process.env): string {
  const forwarded = request.headers.get('x-forwarded-for')?.trim();
  if (!forwarded) return 'unknown';
  const value = env.TRUST_PROXY === '1' ? forwarded.split(',')[0]!.trim() : forwarded;
  return (value || 'unknown').slice(0, MAX_LENGTH);
}
