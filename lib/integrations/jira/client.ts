import { isAxiosError } from 'axios';
import { HttpException, Version3Client } from 'jira.js';
import { UserFacingError } from '@/lib/errors';
import { ReconnectNeededError, SyncPausedError } from '@/lib/integrations/kit/errors';
import type { IntegrationConnection } from '../types';
import { readJiraSettings } from './schema';
import { checkJiraSiteUrl, guardedLookup, isBlockedAddress } from './site-url';

export type JiraClient = Version3Client;

/** A problem with the integration's set-up (no site, no token): shown as is, never retried. */
export class JiraConfigError extends UserFacingError {
  constructor(message: string) {
    super(message);
    this.name = 'JiraConfigError';
  }
}

/** The project key (the integration's external id). */
export function projectKey(connection: Pick<IntegrationConnection, 'externalId'>): string {
  if (!connection.externalId) throw new JiraConfigError('The integration has no Jira project key configured.');
  return connection.externalId;
}

/**
 * The Jira site of an OAuth grant: the settings' cloudId, or the site the Connect flow chose
 * (its API base, api.atlassian.com/ex/jira/{cloudId}, is the connection's). Null: an API token.
 */
export function jiraCloudId(connection: Pick<IntegrationConnection, 'apiBaseUrl' | 'settings'>): string | null {
  const fromSettings = readJiraSettings(connection.settings).cloudId;
  if (fromSettings) return fromSettings;
  return /\/ex\/jira\/([\w-]{1,64})\/?$/.exec(connection.apiBaseUrl ?? '')?.[1] ?? null;
}

/** The OAuth gateway base: JIRA_API_URL (a fake in tests) or the connection's, plus /ex/jira/{cloudId}. */
function gatewayBase(connection: Pick<IntegrationConnection, 'apiBaseUrl'>, cloudId: string): string {
  const api = (process.env.JIRA_API_URL || connection.apiBaseUrl || 'https://api.atlassian.com').replace(/\/+$/, '');
  if (!process.env.JIRA_API_URL && /\/ex\/jira\/[\w-]+$/.test(api)) return api; // the site the Connect flow chose
  return `${api}/ex/jira/${encodeURIComponent(cloudId)}`;
}

/**
 * jira.js (v3 REST) for one unit of work — a sync page, a write, a test. The token is read
 * when the client is made (`accessToken()` refreshes an OAuth grant about to expire, and is
 * valid for the next minutes). API token: Basic email:token against the site. OAuth: Bearer
 * against api.atlassian.com/ex/jira/{cloudId}. No redirects, no env proxies, private
 * addresses refused at DNS lookup, a timeout on every request.
 */
export async function createJiraClient(
  connection: Pick<IntegrationConnection, 'apiBaseUrl' | 'accessToken' | 'settings'>,
  options: { timeoutMs?: number } = {},
): Promise<JiraClient> {
  const settings = readJiraSettings(connection.settings);
  const token = await connection.accessToken();
  if (!token) throw new ReconnectNeededError('No Jira token is stored: connect again.');
  const baseRequestConfig = {
    maxRedirects: 0,
    proxy: false as const,
    timeout: options.timeoutMs ?? 30_000,
    lookup: guardedLookup,
    headers: { 'User-Agent': 'taskbridge' },
  };
  const cloudId = jiraCloudId(connection);
  if (cloudId) {
    const host = gatewayBase(connection, cloudId);
    return new Version3Client({ host, baseRequestConfig, authentication: { oauth2: { accessToken: token } } });
  }
  const site = typeof connection.settings.siteUrl === 'string' ? connection.settings.siteUrl.replace(/\/+$/, '') : '';
  if (!site || !settings.email) throw new JiraConfigError('Set the Jira site URL and the account email for the API token.');
  const problem = checkJiraSiteUrl(site);
  if (problem) throw new JiraConfigError(`The Jira site URL ${problem}.`);
  if (isBlockedAddress(new URL(site).hostname)) throw new JiraConfigError('The Jira site URL points to a private or loopback address.');
  return new Version3Client({ host: site, baseRequestConfig, authentication: { basic: { email: settings.email, apiToken: token } } });
}

/** The HTTP status and headers of a failed jira.js call (HttpException wraps the axios error). */
export function jiraErrorResponse(err: unknown): { status: number; headers: Record<string, string>; data: unknown } | null {
  const cause = err instanceof HttpException ? err.cause : err;
  if (isAxiosError(cause) && cause.response) {
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(cause.response.headers ?? {})) if (v !== undefined && v !== null) headers[k.toLowerCase()] = String(v);
    return { status: cause.response.status, headers, data: cause.response.data };
  }
  if (err instanceof HttpException && typeof err.status === 'number') return { status: err.status, headers: {}, data: err.response };
  return null;
}

/** Jira's own words for a 400 ({errorMessages, errors}), short enough for a task message. */
export function jiraErrorDetail(data: unknown): string {
  const d = data as { errorMessages?: unknown; errors?: unknown } | null;
  const parts: string[] = [];
  if (d && Array.isArray(d.errorMessages)) parts.push(...d.errorMessages.map(String));
  if (d && d.errors && typeof d.errors === 'object') parts.push(...Object.entries(d.errors).map(([k, v]) => `${k}: ${String(v)}`));
  return parts.join('; ').slice(0, 500);
}

/**
 * Jira's refusals in the sync's terms: 429 → pause until Retry-After (or X-RateLimit-Reset,
 * else a minute); 401 → reconnect needed; 404 → not found; 5xx/network → try again later.
 */
export function translateJiraError(err: unknown, now = Date.now()): never {
  if (err instanceof UserFacingError) throw err;
  const res = jiraErrorResponse(err);
  if (res) {
    if (res.status === 401) throw new ReconnectNeededError('Jira rejected the credentials (401): reconnect needed.');
    if (res.status === 429) {
      const retryAfter = Number(res.headers['retry-after']);
      const reset = Date.parse(res.headers['x-ratelimit-reset'] ?? '');
      const at = Number.isFinite(retryAfter) && retryAfter >= 0 ? now + retryAfter * 1000 : Number.isFinite(reset) ? reset : now + 60_000;
      throw new SyncPausedError(new Date(Math.max(at, now + 1000)), 'rate_limit');
    }
    if (res.status === 403) throw new UserFacingError(`Jira refused the request (403): the account lacks a permission. ${jiraErrorDetail(res.data)}`.trim());
    if (res.status === 404) throw new UserFacingError('Jira answered 404: the project or issue was not found, or this account cannot see it.');
    if (res.status === 400) throw new UserFacingError(`Jira refused the change (400): ${jiraErrorDetail(res.data) || 'bad request'}`);
    if (res.status >= 300 && res.status < 400) throw new UserFacingError(`Jira answered with a redirect (${res.status}); redirects are not followed. Check the site URL.`);
    if (res.status >= 500) throw new UserFacingError(`Jira could not be reached (${res.status}); the next sync tries again.`);
  }
  if (isAxiosError(err) || (err instanceof HttpException && isAxiosError(err.cause))) {
    const code = (isAxiosError(err) ? err.code : (err.cause as { code?: string }).code) ?? 'network error';
    const blocked = String((err as Error).message).includes('private address') || code === 'EJIRABLOCKED';
    throw new UserFacingError(blocked ? 'Refused to call Jira at a private address.' : `Jira could not be reached (${code}); the next sync tries again.`);
  }
  throw err;
}

/** Runs a jira.js call, translating its failures. */
export async function jiraCall<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    translateJiraError(err);
  }
}
