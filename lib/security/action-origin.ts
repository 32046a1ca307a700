/**
 * Cross-site request forgery guard for server actions (and any other POST to a page),
 * run by proxy.ts before Next.js sees the request.
 *
 * The app's own origin: APP_URL when set; otherwise the request's Host, or X-Forwarded-Host
 * when TRUST_PROXY=1 (a reverse proxy in front sets it; without one anybody can).
 */
import { configuredAppUrl, requestHost } from '@/lib/app-url';

function appHost(headers: Headers, env: NodeJS.ProcessEnv): { origin: string } | { host: string } | null {
  const origin = configuredAppUrl(env);
  if (origin) return { origin };
  const host = requestHost(headers, env);
  return host ? { host: host.toLowerCase() } : null;
}

export type OriginVerdict = { ok: true; host: string | null } | { ok: false; reason: string };

/**
 * Is this POST from the app's own pages? No Origin at all → allowed (no browser omits it on
 * a POST, so there are no victim cookies to abuse; Next.js allows it too). `Origin: null`,
 * an unparsable Origin or another site → refused. `host` is the verified Origin's host,
 * which proxy.ts hands on as X-Forwarded-Host so that Next.js's own check agrees.
 */
export function checkPostOrigin(headers: Headers, env: NodeJS.ProcessEnv = process.env): OriginVerdict {
  const origin = headers.get('origin');
  if (origin === null) return { ok: true, host: null };
  if (origin === 'null') return { ok: false, reason: 'opaque Origin' };
  let claimed: URL;
  try {
    claimed = new URL(origin);
  } catch {
    return { ok: false, reason: 'unparsable Origin' };
  }
  if (claimed.protocol !== 'http:' && claimed.protocol !== 'https:') return { ok: false, reason: 'foreign Origin' };
  const own = appHost(headers, env);
  const same = own !== null && ('origin' in own ? claimed.origin === own.origin : claimed.host === own.host);
  return same ? { ok: true, host: claimed.host } : { ok: false, reason: 'foreign Origin' };
}
