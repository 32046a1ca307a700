import { OAuth2RequestError, type OAuth2Tokens, UnexpectedErrorResponseBodyError, UnexpectedResponseError } from 'arctic';
import type { OAuthGrant } from '@/lib/integrations/contract/oauth';
import { parseScopes } from './config';
import { OAuthFlowError, OAuthGrantRevokedError, revokedGrantCodes } from './errors';

/** Token answers (arctic's OAuth2Tokens data, or a provider's own JSON) as a grant. No scope in the answer: what was asked (RFC 6749 §5.1). */
export function grantFromTokenData(data: Record<string, unknown>, requested: string[], now = new Date()): OAuthGrant {
  const accessToken = data.access_token;
  if (typeof accessToken !== 'string' || !accessToken) throw new OAuthFlowError('provider_error', 'no_access_token');
  const expiresIn = typeof data.expires_in === 'number' ? data.expires_in : Number(data.expires_in);
  return {
    accessToken,
    refreshToken: typeof data.refresh_token === 'string' && data.refresh_token ? data.refresh_token : null,
    expiresAt: Number.isFinite(expiresIn) && expiresIn > 0 ? new Date(now.getTime() + expiresIn * 1000) : null,
    scopes: typeof data.scope === 'string' ? parseScopes(data.scope) : requested,
  };
}

/** GitHub answers errors with HTTP 200 and `{error}`; arctic's generic client returns those as tokens. */
export function tokenData(tokens: OAuth2Tokens): Record<string, unknown> {
  const data = tokens.data as Record<string, unknown>;
  if (typeof data.error === 'string') {
    throw new OAuth2RequestError(data.error, typeof data.error_description === 'string' ? data.error_description : null, null, null);
  }
  return data;
}

/**
 * Runs a token request and maps what can go wrong: on refresh, a revoked grant becomes
 * OAuthGrantRevokedError; anything else a provider_error with the provider's code (never its description, which may echo input).
 */
export async function tokenCall<T>(kind: 'exchange' | 'refresh', providerName: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (err) {
    if (err instanceof OAuthFlowError || err instanceof OAuthGrantRevokedError) throw err;
    if (err instanceof OAuth2RequestError) {
      if (kind === 'refresh' && revokedGrantCodes.has(err.code)) throw new OAuthGrantRevokedError(providerName, err.code);
      throw new OAuthFlowError('provider_error', err.code.replace(/[^\w.-]/g, '').slice(0, 60));
    }
    if (err instanceof UnexpectedResponseError || err instanceof UnexpectedErrorResponseBodyError) {
      throw new OAuthFlowError('provider_error', `http_${err.status}`);
    }
    throw new OAuthFlowError('provider_error', 'unreachable');
  }
}
