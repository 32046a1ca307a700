import { BlockList, isIP } from 'node:net';

/**
 * Which Jira bases we call (SSRF): with an API token only `https://<site>.atlassian.net`, or a
 * base listed in JIRA_ALLOWED_BASE_URLS (Data Center; the test fake). Loopback, private,
 * link-local (cloud metadata) and similar addresses are refused — also when a name resolves
 * to one — unless JIRA_ALLOW_PRIVATE_ADDRESSES=1 (tests only). Redirects are never followed
 * (client.ts). This module runs on the server; in the browser only the atlassian.net rule applies.
 */
type Env = Record<string, string | undefined>;
const env = (): Env => (typeof process === 'undefined' ? {} : process.env);

const ATLASSIAN_SITE = /^https:\/\/[a-z0-9][a-z0-9-]{0,62}\.atlassian\.net$/;

function allowList(e: Env): string[] {
  return (e.JIRA_ALLOWED_BASE_URLS ?? '')
    .split(',')
    .map((s) => s.trim().replace(/\/+$/, '').toLowerCase())
    .filter(Boolean);
}

/** Null when the site may be used, else why not (shown on the settings field). */
export function checkJiraSiteUrl(value: string, e: Env = env()): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'must be a URL such as https://your-site.atlassian.net';
  }
  if (url.username || url.password || url.search || url.hash) return 'must be a plain site URL such as https://your-site.atlassian.net';
  const base = `${url.protocol}//${url.host}${url.pathname.replace(/\/+$/, '')}`.toLowerCase();
  if (ATLASSIAN_SITE.test(base)) return null;
  if (allowList(e).includes(base)) {
    return isBlockedAddress(url.hostname, e) ? 'points to a private or loopback address' : null;
  }
  return 'must be https://<site>.atlassian.net (other Jira bases need JIRA_ALLOWED_BASE_URLS on the server)';
}

const blocked = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
  ['192.0.0.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const) blocked.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of [['::', 128], ['::1', 128], ['fc00::', 7], ['fe80::', 10], ['ff00::', 8]] as const) blocked.addSubnet(net, prefix, 'ipv6');

/** A literal address (or `localhost`) that must not be called; host names are checked at lookup. */
export function isBlockedAddress(host: string, e: Env = env()): boolean {
  if (e.JIRA_ALLOW_PRIVATE_ADDRESSES === '1') return false;
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (h === 'localhost' || h.endsWith('.localhost')) return true;
  const family = isIP(h);
  if (family === 0) return false;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(h);
  if (mapped) return blocked.check(mapped[1]!, 'ipv4');
  return blocked.check(h, family === 4 ? 'ipv4' : 'ipv6');
}

/**
 * A DNS lookup for the HTTP client that refuses names resolving to blocked addresses, so a
 * public-looking name cannot lead to a private one (checked at connect time, not before).
 */
export async function guardedLookup(hostname: string): Promise<Array<{ address: string; family: number }>> {
  const { lookup } = await import('node:dns/promises');
  const addresses = await lookup(hostname, { all: true });
  const bad = addresses.find((a) => isBlockedAddress(a.address));
  if (bad) throw Object.assign(new Error(`Refused to connect to ${hostname}: it resolves to a private address.`), { code: 'EJIRABLOCKED' });
  return addresses;
}
