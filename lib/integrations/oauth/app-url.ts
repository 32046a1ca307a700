import { configuredAppUrl } from '@/lib/app-url';

/**
 * The app URL for the redirect URI outside a request (refreshes do not send it, but the
 * config carries it). Requests use requestAppUrl(); this never touches next/headers.
 */
export function requestAppUrlOrNull(): string | null {
  return configuredAppUrl();
}
