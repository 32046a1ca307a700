import { CodeChallengeMethod, OAuth2Client } from 'arctic';
import type { OAuthClientConfig, OAuthGrant } from '@/lib/integrations/contract/oauth';
import { grantFromTokenData, tokenCall, tokenData } from './tokens';

/**
 * The shared arctic client for providers whose token endpoint takes standard requests
 * (GitHub, Google, Microsoft): arctic's generic OAuth2Client with our configurable endpoints
 * (its provider classes hard-code the real hosts, which tests replace with the fakes).
 */
export function arcticClient(config: OAuthClientConfig): OAuth2Client {
  return new OAuth2Client(config.clientId, config.clientSecret, config.redirectUri || null);
}

export function arcticAuthorizationUrl(
  config: OAuthClientConfig,
  endpoint: string,
  input: { state: string; codeVerifier: string | null },
  scopes: string[],
  extra: Record<string, string | null | undefined> = {},
): URL {
  const client = arcticClient(config);
  const url = input.codeVerifier
    ? client.createAuthorizationURLWithPKCE(endpoint, input.state, CodeChallengeMethod.S256, input.codeVerifier, scopes)
    : client.createAuthorizationURL(endpoint, input.state, scopes);
  for (const [k, v] of Object.entries(extra)) if (v != null) url.searchParams.set(k, v);
  return url;
}

export async function arcticExchange(
  providerName: string,
  config: OAuthClientConfig,
  endpoint: string,
  input: { code: string; codeVerifier: string | null },
  requested: string[],
): Promise<{ grant: OAuthGrant; data: Record<string, unknown> }> {
  const data = await tokenCall('exchange', providerName, async () =>
    tokenData(await arcticClient(config).validateAuthorizationCode(endpoint, input.code, input.codeVerifier)),
  );
  return { grant: grantFromTokenData(data, requested), data };
}

export async function arcticRefresh(
  providerName: string,
  config: OAuthClientConfig,
  endpoint: string,
  refreshToken: string,
  requested: string[],
  scopes: string[] = [],
): Promise<{ grant: OAuthGrant; data: Record<string, unknown> }> {
  const data = await tokenCall('refresh', providerName, async () =>
    tokenData(await arcticClient(config).refreshAccessToken(endpoint, refreshToken, scopes)),
  );
  return { grant: grantFromTokenData(data, requested), data };
}
