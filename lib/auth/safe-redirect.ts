/** Where a sign-in lands when it was given no (acceptable) return address. */
export const DEFAULT_AFTER_SIGN_IN = '/projects';

// Control characters (browsers silently drop tab/CR/LF, so `/\t/evil` becomes `//evil`) and
// backslashes (browsers read `/\evil` as `//evil`) have no business in a return path.
const UNSAFE = /[\u0000-\u001f\u007f\\]/;

/**
 * A return address after sign-in, reduced to a same-origin path (`/projects/x?tab=y#z`), or
 * null when it leads anywhere else. Relative paths and absolute URLs on the app's own origin
 * are accepted; the verdict comes from the URL parser's origin, not from string prefixes.
 */
export function sameOriginPath(raw: unknown, appOrigin: string): string | null {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > 2048 || UNSAFE.test(raw)) return null;
  let base: URL;
  let url: URL;
  try {
    base = new URL(appOrigin);
    url = new URL(raw, base);
  } catch {
    return null;
  }
  if (url.origin !== base.origin) return null;
  const path = `${url.pathname}${url.search}${url.hash}`;
  // `http://app//evil` parses as same-origin, but its path alone would be protocol-relative.
  return path.startsWith('/') && !path.startsWith('//') ? path : null;
}

/** The path to return to, or the default. */
export function returnPathOrDefault(raw: unknown, appOrigin: string): string {
  return sameOriginPath(raw, appOrigin) ?? DEFAULT_AFTER_SIGN_IN;
}

/** `/signin?callbackUrl=…` for a page the signed-out visitor asked for. */
export function signInPathFor(returnTo: string | undefined): string {
  const path = returnTo ? sameOriginPath(returnTo, 'http://app.invalid') : null;
  return path ? `/signin?callbackUrl=${encodeURIComponent(path)}` : '/signin';
}
