/**
 * The app's public origin, decided in one place. APP_URL when set (required in production,
 * lib/production-config.ts): every URL we register at a provider or call ourselves is built
 * from it. Without it (development), the request's Host header; X-Forwarded-Host/-Proto only
 * when TRUST_PROXY=1, since any client can send them. Edge-safe: no Node APIs.
 */
type Env = Record<string, string | undefined>;

/** APP_URL's origin (`https://app.example.com`), null when unset; throws when it is not an http(s) URL. */
export function configuredAppUrl(env: Env = process.env): string | null {
  const raw = env.APP_URL?.trim();
  if (!raw) return null;
  const origin = httpOrigin(raw);
  if (!origin) throw new Error('APP_URL must be an absolute http(s) URL, e.g. https://taskbridge.example.com');
  return origin;
}

/** `scheme://host[:port]` of an absolute http(s) URL, or null. */
export function httpOrigin(raw: string): string | null {
  try {
    const url = new URL(raw);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : null;
  } catch {
    return null;
  }
}

// A host header value: DNS name or IPv4, or a bracketed IPv6 literal, optional port. Nothing else
// (no userinfo, path, spaces) so a hostile header cannot reshape the URL.
const HOST = /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;
const LOOPBACK = /^(?:localhost|127(?:\.\d{1,3}){3}|\[::1\])(?::\d+)?$/i;

const first = (value: string | null) => value?.split(',')[0]?.trim() || null;

/** The host a request names: X-Forwarded-Host only with TRUST_PROXY=1, else Host; null when absent. */
export function requestHost(headers: Headers, env: Env = process.env): string | null {
  const trustProxy = env.TRUST_PROXY === '1';
  return (trustProxy && first(headers.get('x-forwarded-host'))) || headers.get('host')?.trim() || null;
}

/** The origin a request names in its headers (see the module comment for what is trusted), or null. */
export function originFromHeaders(headers: Headers, env: Env = process.env): string | null {
  const trustProxy = env.TRUST_PROXY === '1';
  const host = requestHost(headers, env);
  if (!host || !HOST.test(host)) return null;
  const forwardedProto = trustProxy ? first(headers.get('x-forwarded-proto'))?.toLowerCase() : null;
  const proto = forwardedProto === 'http' || forwardedProto === 'https' ? forwardedProto : LOOPBACK.test(host) ? 'http' : 'https';
  return httpOrigin(`${proto}://${host}`);
}

/** APP_URL, else (development) the origin the request's headers name; null when neither is known. */
export function appUrlFor(headers: Headers | null, env: Env = process.env): string | null {
  return configuredAppUrl(env) ?? (headers ? originFromHeaders(headers, env) : null);
}
