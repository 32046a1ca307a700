/** The claims a test login maps to: "alice" → alice@example.test; a login with @ is the email. */
export function claimsForLogin(login: string): { sub: string; email: string; email_verified: true; name: string } {
  const email = login.includes('@') ? login.toLowerCase() : `${login.toLowerCase()}@example.test`;
  const local = email.split('@')[0] ?? login;
  return { sub: login, email, email_verified: true, name: local.charAt(0).toUpperCase() + local.slice(1) };
}

/** A login unique to this run, so specs never meet each other's data. */
export function uniqueLogin(name: string): string {
  return `${name}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}
