import type { OAuthCapability, OAuthClientConfig } from '@/lib/integrations/contract/oauth';

type Env = Record<string, string | undefined>;

/** A provider endpoint: an env override (tests point these at tests/fakes/oauth) or the real base, without a trailing slash. */
export function oauthBase(envName: string, fallback: string, env: Env = process.env): string {
  return (env[envName] || fallback).replace(/\/+$/, '');
}

/** The redirect URL to register with each provider: <APP_URL>/integrations/oauth/<provider>/callback. */
export function oauthRedirectUri(appUrl: string, providerId: string): string {
  return `${appUrl.replace(/\/+$/, '')}/integrations/oauth/${providerId}/callback`;
}

/** Client credentials from the env, or null ("not configured on this server"). */
export function oauthClientConfig(
  oauth: Pick<OAuthCapability, 'clientIdEnv' | 'clientSecretEnv'>,
  providerId: string,
  appUrl: string | null,
  env: Env = process.env,
): OAuthClientConfig | null {
  const clientId = env[oauth.clientIdEnv]?.trim();
  const clientSecret = env[oauth.clientSecretEnv]?.trim();
  if (!clientId || !clientSecret) return null;
  return { clientId, clientSecret, redirectUri: appUrl ? oauthRedirectUri(appUrl, providerId) : '' };
}

export function oauthConfigured(oauth: Pick<OAuthCapability, 'clientIdEnv' | 'clientSecretEnv'>, env: Env = process.env): boolean {
  return Boolean(env[oauth.clientIdEnv]?.trim() && env[oauth.clientSecretEnv]?.trim());
}

/** Scopes from a token answer: space- or comma-separated; Microsoft prefixes Graph scopes with its resource URL. */
export function parseScopes(raw: unknown): string[] {
  if (typeof raw !== 'string') return [];
  return raw
    .split(/[\s,]+/)
    .filter(Boolean)
    .map((s) => s.replace(/^https:\/\/graph\.microsoft\.com\//, ''));
}

/** Required scopes missing from a grant (case-insensitive, as Microsoft answers in its own case). */
export function missingScopes(required: string[], granted: string[]): string[] {
  const have = new Set(granted.map((s) => s.toLowerCase()));
  return required.filter((s) => !have.has(s.toLowerCase()));
}
