import { KeyedLimiter, parseRetryAfter, withRetry } from '@/lib/calendar/retry';
import { ReconnectNeededError } from '@/lib/integrations/kit/errors';
import type { IntegrationConnection } from '../types';

/** Graph allows 4 concurrent requests per mailbox; one integration is one mailbox's grant. */
const limiter = new KeyedLimiter(4);

export class GraphError extends Error {
  constructor(
    readonly status: number,
    readonly code: string | null,
    readonly retryAfterMs: number | null,
  ) {
    super(`Microsoft Graph answered ${status}${code ? ` (${code})` : ''}`);
    this.name = 'GraphError';
  }
}

export const graphStatus = (err: unknown) => (err instanceof GraphError ? err.status : undefined);

/**
 * A Graph URL: a path under the connection's base URL, or a nextLink/deltaLink Graph gave us —
 * accepted only when it points at that same base (never a URL from elsewhere).
 */
function graphUrl(connection: IntegrationConnection, pathOrUrl: string): URL {
  const base = connection.apiBaseUrl.replace(/\/+$/, '');
  if (/^https?:\/\//.test(pathOrUrl)) {
    if (!pathOrUrl.startsWith(`${base}/`)) throw new Error('Graph link outside the API base URL refused');
    return new URL(pathOrUrl);
  }
  return new URL(`${base}${pathOrUrl}`);
}

/**
 * One Graph request with plain fetch: the connection's token, at most 4 in flight per
 * integration, 429/503 retried after Retry-After (or backoff), 401 → ReconnectNeededError.
 */
export async function graphFetch<T>(
  connection: IntegrationConnection,
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  pathOrUrl: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<T> {
  const url = graphUrl(connection, pathOrUrl);
  return withRetry(
    () =>
      limiter.run(connection.integrationId, async () => {
        const token = await connection.accessToken();
        if (!token) throw new ReconnectNeededError('No Microsoft token is stored: connect again.');
        const res = await fetch(url, {
          method,
          redirect: 'error',
          headers: { Authorization: `Bearer ${token}`, Accept: 'application/json', ...(body ? { 'Content-Type': 'application/json' } : {}), ...headers },
          body: body ? JSON.stringify(body) : undefined,
          signal: AbortSignal.timeout(30_000),
        });
        if (res.status === 401) throw new ReconnectNeededError('Microsoft rejected the token: reconnect needed.');
        if (!res.ok) {
          const err = (await res.json().catch(() => null)) as { error?: { code?: string } } | null;
          throw new GraphError(res.status, err?.error?.code ?? null, parseRetryAfter(res.headers.get('retry-after')));
        }
        if (res.status === 204) return undefined as T;
        const text = await res.text();
        return (text ? JSON.parse(text) : undefined) as T;
      }),
    (err) => (err instanceof GraphError && (err.status === 429 || err.status === 503) ? { retryAfterMs: err.retryAfterMs } : null),
  );
}

/** The events collection of the integration's calendar ("primary" or empty: the default calendar). */
export function calendarPath(connection: IntegrationConnection): string {
  const id = connection.externalId;
  return !id || id === 'primary' ? '/me/calendar' : `/me/calendars/${encodeURIComponent(id)}`;
}

/** Our key on the event: a named string property in the PublicStrings set. */
export const KEY_PROPERTY_ID = 'String {00020329-0000-0000-C000-000000000046} Name taskbridgeKey';
