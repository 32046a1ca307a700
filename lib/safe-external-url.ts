import { z } from 'zod';

/**
 * Links to a provider's items (a GitHub issue's `html_url`) are rendered as `<a href>`, so
 * only web URLs are kept: `https:`, or `http:` where the deployment allows it
 * (`ALLOW_HTTP_EXTERNAL_URLS=1`, e.g. a test setup whose fake serves http). Anything else
 * (`javascript:`, `data:`, not a URL) becomes null. With a `source`, a dropped value is logged
 * by its scheme only (never the value: it came from outside and may carry a token).
 */
export function safeExternalUrl(
  value: string | null | undefined,
  source?: string,
  env: Record<string, string | undefined> = process.env,
): string | null {
  if (value === null || value === undefined || value === '') return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    if (source) console.warn(`[integrations] dropped ${source}: not a URL`);
    return null;
  }
  if (url.protocol === 'https:' || (url.protocol === 'http:' && env.ALLOW_HTTP_EXTERNAL_URLS === '1')) return url.href;
  if (source) console.warn(`[integrations] dropped ${source}: scheme ${url.protocol.slice(0, 20)} is not allowed`);
  return null;
}

/** A provider payload's URL field: kept when safe, otherwise null (logged under `source`). */
export const externalUrlSchema = (source: string) => z.string().transform((v) => safeExternalUrl(v, source));
