import { UserFacingError } from '@/lib/errors';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { RequestError } from '@octokit/request-error';
import { Octokit } from '@octokit/rest';
import Bottleneck from 'bottleneck';
import { ReconnectNeededError, SyncPausedError } from '@/lib/integrations/kit/errors';
import type { IntegrationConnection } from '../types';

const GithubOctokit = Octokit.plugin(throttling, retry);
export type GithubClient = InstanceType<typeof GithubOctokit>;

export type RateLimitSnapshot = { limit: number | null; remaining: number | null; resetAt: Date | null };

export type GithubClientOptions = {
  /** Waits up to this long inside the client on a rate limit; longer waits pause the sync instead. */
  maxWaitSeconds?: number;
  /** GitHub asks for ≥ 1 s between content-creating requests; tests against the fake pass 0. */
  writeIntervalMs?: number;
  /** Called with the quota headers of every response (stored and shown on the integration page). */
  onRateLimit?: (quota: RateLimitSnapshot) => void;
  /** A 5xx is retried twice after 1× and 4× this (default 1000 ms); tests against the fake pass 0. */
  retryBaseMs?: number;
  /** Upper bound for each request (a black-holed network must not leave a sync "running" forever). */
  timeoutMs?: number;
};

/** Client knobs from env: the e2e server and tests talk to the fake and need no write spacing. */
export function clientDefaults(env = process.env): GithubClientOptions {
  const num = (v: string | undefined) => (v === undefined || v === '' ? undefined : Number(v));
  return {
    writeIntervalMs: num(env.GITHUB_WRITE_INTERVAL_MS), maxWaitSeconds: num(env.GITHUB_MAX_WAIT_SECONDS), retryBaseMs: num(env.GITHUB_RETRY_BASE_MS),
  };
}

/** Content-creating requests of one integration are spaced across clients (GitHub asks for ≥ 1 s). */
const writeQueues = new Map<string, Bottleneck.Group>();
function writeQueue(integrationId: string | undefined, minTime: number): Bottleneck.Group {
  if (!integrationId) return new Bottleneck.Group({ maxConcurrent: 1, minTime });
  let group = writeQueues.get(integrationId);
  if (!group) writeQueues.set(integrationId, (group = new Bottleneck.Group({ maxConcurrent: 1, minTime })));
  return group;
}

/** `owner/repo` from the integration's external id. */
export function parseRepo(externalId: string | null): { owner: string; repo: string } {
  const [owner, repo, ...rest] = (externalId ?? '').split('/');
  if (!owner || !repo || rest.length > 0) throw new UserFacingError('The integration has no repository configured.');
  return { owner, repo };
}

/** Reads x-ratelimit-* headers (absent on some responses). */
export function readRateLimit(headers: Record<string, string | number | undefined>): RateLimitSnapshot | null {
  if (headers['x-ratelimit-remaining'] === undefined) return null;
  const num = (v: unknown) => (v === undefined || v === '' ? null : Number(v));
  const reset = num(headers['x-ratelimit-reset']);
  return {
    limit: num(headers['x-ratelimit-limit']),
    remaining: num(headers['x-ratelimit-remaining']),
    resetAt: reset === null ? null : new Date(reset * 1000),
  };
}

/**
 * Octokit with throttling (waits on short limits, queues writes) and retry (5xx), pointed at
 * the connection's API base: github.com, GitHub Enterprise Server or the local fake.
 */
export function createGithubClient(
  connection: Pick<IntegrationConnection, 'apiBaseUrl' | 'accessToken'> & { integrationId?: string },
  options: GithubClientOptions = {},
): GithubClient {
  const maxWait = options.maxWaitSeconds ?? 5;
  const wantRetry = (retryAfter: number, _opts: unknown, _o: unknown, retryCount: number) =>
    retryAfter <= maxWait && retryCount < 2;
  const octokit = new GithubOctokit({
    // GITHUB_API_URL wins here as it does at init: a process pointed at a fake or a GHES stays there.
    baseUrl: (process.env.GITHUB_API_URL || connection.apiBaseUrl).replace(/\/+$/, ''),
    userAgent: 'taskbridge',
    log: { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} },
    throttle: {
      onRateLimit: wantRetry,
      onSecondaryRateLimit: wantRetry,
      write: writeQueue(connection.integrationId, options.writeIntervalMs ?? 1000),
    },
    // 403/429 are the throttling plugin's (short waits) or the sync's pause (long ones), never blind retries
    retry: { retries: 2, doNotRetry: [400, 401, 403, 404, 410, 422, 429, 451], retryAfterBaseValue: options.retryBaseMs ?? 1000 },
  });
  // The token is asked for per request, so an OAuth token about to expire is refreshed first.
  octokit.hook.before('request', async (request) => {
    const token = await connection.accessToken();
    if (token) request.headers.authorization = `token ${token}`;
    request.request = { ...request.request, signal: AbortSignal.timeout(options.timeoutMs ?? 60_000) };
  });
  if (options.onRateLimit) {
    const report = options.onRateLimit;
    octokit.hook.after('request', (response) => {
      const quota = readRateLimit(response.headers);
      if (quota) report(quota);
    });
    octokit.hook.error('request', (error) => {
      const headers = error instanceof RequestError ? error.response?.headers : undefined;
      const quota = headers && readRateLimit(headers);
      if (quota) report(quota);
      throw error;
    });
  }
  return octokit;
}

/**
 * Turns GitHub's refusals into what the sync understands: quota exhausted → pause until
 * reset (or Retry-After), bad credentials → reconnect needed. Anything else is rethrown.
 */
export function translateGithubError(err: unknown, now = Date.now()): never {
  if (err instanceof RequestError) {
    const headers = err.response?.headers ?? {};
    if (err.status === 401) throw new ReconnectNeededError('GitHub rejected the token (401 Bad credentials): reconnect needed.');
    if (err.status === 403 || err.status === 429) {
      const retryAfter = Number(headers['retry-after']);
      if (Number.isFinite(retryAfter) && retryAfter > 0) {
        throw new SyncPausedError(new Date(now + retryAfter * 1000), 'secondary_rate_limit');
      }
      if (headers['x-ratelimit-remaining'] === '0') {
        const reset = Number(headers['x-ratelimit-reset']) * 1000;
        throw new SyncPausedError(new Date(Math.max(reset + 1000, now + 1000)), 'rate_limit');
      }
      if (/secondary rate/i.test(err.message)) throw new SyncPausedError(new Date(now + 60_000), 'secondary_rate_limit');
    }
    if (err.status === 404) throw new UserFacingError(`GitHub answered 404: the repository or issue was not found, or the token cannot see it.`);
    if (err.status >= 500 || err.status === 0) throw new UserFacingError(`GitHub could not be reached (${err.status || 'network error'}); the next sync tries again.`);
  }
  throw err;
}

type SharedClient = { octokit: GithubClient; quota: () => { limit: number | null; remaining: number | null; resetAt: string | null } | null };
const shared = new WeakMap<IntegrationConnection, SharedClient>();

/**
 * The client of one connection (one sync run, one export, one webhook), shared by its pull,
 * reads and writes, with the last quota GitHub reported.
 */
export function githubFor(connection: IntegrationConnection): SharedClient {
  let entry = shared.get(connection);
  if (!entry) {
    let last: RateLimitSnapshot | null = null;
    const octokit = createGithubClient(connection, { ...clientDefaults(), onRateLimit: (q) => (last = q) });
    const quota = () => {
      const q = last as RateLimitSnapshot | null;
      return q && { limit: q.limit, remaining: q.remaining, resetAt: q.resetAt?.toISOString() ?? null };
    };
    shared.set(connection, (entry = { octokit, quota }));
  }
  return entry;
}
