import { calendar, type calendar_v3 } from '@googleapis/calendar';
import { parseRetryAfter, type Throttle, withRetry } from '@/lib/calendar/retry';
import { ReconnectNeededError } from '@/lib/integrations/kit/errors';
import type { IntegrationConnection } from '../types';

export type GoogleCalendarApi = calendar_v3.Calendar;
export type GoogleEvent = calendar_v3.Schema$Event;

type GaxiosLike = { status?: number; response?: { status?: number; headers?: Headers | Record<string, string>; data?: unknown } };

export function googleStatus(err: unknown): number | undefined {
  const e = err as GaxiosLike;
  return e?.status ?? e?.response?.status;
}

function header(err: unknown, name: string): string | null {
  const h = (err as GaxiosLike)?.response?.headers;
  if (!h) return null;
  return typeof (h as Headers).get === 'function' ? (h as Headers).get(name) : ((h as Record<string, string>)[name] ?? null);
}

/** 429, or 403 whose reason is a rate limit (a plain 403 is a permission problem and not retried). */
export function googleThrottle(err: unknown): Throttle {
  const status = googleStatus(err);
  if (status === 429) return { retryAfterMs: parseRetryAfter(header(err, 'retry-after')) };
  if (status === 403) {
    const reasons = JSON.stringify((err as GaxiosLike).response?.data ?? '');
    if (/rateLimitExceeded|userRateLimitExceeded/.test(reasons)) return { retryAfterMs: parseRetryAfter(header(err, 'retry-after')) };
  }
  return null;
}

/** `https://www.googleapis.com/calendar/v3` → the library's rootUrl `https://www.googleapis.com/` (or the fake's). */
export function rootUrlOf(apiBaseUrl: string): string {
  return `${apiBaseUrl.replace(/\/+$/, '').replace(/\/calendar\/v3$/, '')}/`;
}

/**
 * Runs a call of `@googleapis/calendar` with the connection's current token, retrying
 * throttling; a 401 means the grant is gone (ReconnectNeededError). The library's own retry
 * is off, so that a 403 rateLimitExceeded is retried as Google documents and nothing else is.
 */
export async function googleCall<T>(
  connection: IntegrationConnection,
  fn: (api: GoogleCalendarApi, options: { headers: Record<string, string>; retry: false }) => Promise<{ data: T }>,
): Promise<T> {
  const api = calendar({ version: 'v3', rootUrl: rootUrlOf(connection.apiBaseUrl) });
  return withRetry(async () => {
    const token = await connection.accessToken();
    if (!token) throw new ReconnectNeededError('No Google token is stored: connect again.');
    try {
      return (await fn(api, { headers: { Authorization: `Bearer ${token}` }, retry: false })).data;
    } catch (err) {
      if (googleStatus(err) === 401) throw new ReconnectNeededError('Google rejected the token: reconnect needed.');
      throw err;
    }
  }, googleThrottle);
}

/** The calendar events are written to; the configure form stores it as the external id. */
export function calendarIdOf(connection: IntegrationConnection): string {
  return connection.externalId || 'primary';
}
