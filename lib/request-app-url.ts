import { headers } from 'next/headers';
import { appUrlFor, configuredAppUrl } from './app-url';

/** In a page, action or route: the app's public origin (lib/app-url.ts). Null outside a request when APP_URL is unset. */
export async function requestAppUrl(): Promise<string | null> {
  const configured = configuredAppUrl();
  if (configured) return configured;
  try {
    return appUrlFor(await headers());
  } catch {
    return null; // not in a request (scripts, tests)
  }
}
