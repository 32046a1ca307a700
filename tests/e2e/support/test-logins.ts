export type TestClaims = { sub: string; email: string; email_verified: boolean; name: string };

/** Prefix of a login whose email the provider asserts *unverified* (an attacker's account). */
export const UNVERIFIED_PREFIX = 'unverified:';

/**
 * The claims a test login maps to: "alice" → alice@example.test; a login with @ is the email;
 * `unverified:<login>` → the same email with `email_verified: false`, under its own subject.
 */
export function claimsForLogin(login: string): TestClaims {
  const unverified = login.startsWith(UNVERIFIED_PREFIX);
  const name = unverified ? login.slice(UNVERIFIED_PREFIX.length) : login;
  const email = name.includes('@') ? name.toLowerCase() : `${name.toLowerCase()}@example.test`;
  const local = email.split('@')[0] ?? name;
  return { sub: login, email, email_verified: !unverified, name: local.charAt(0).toUpperCase() + local.slice(1) };
}

/** A login unique to this run, so specs never meet each other's data. */
export function uniqueLogin(name: string): string {
  return `${name}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}
