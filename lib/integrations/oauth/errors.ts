import { ReconnectNeededError } from '@/lib/integrations/kit/errors';

/** How a connect attempt ended; each failure has its own message (messages.ts) and stores nothing. */
export const oauthOutcomes = [
  'connected', 'choose_site', 'denied', 'invalid_state', 'expired_state', 'reused_state', 'wrong_user',
  'missing_scope', 'provider_error', 'not_configured', 'unavailable',
] as const;
export type OAuthOutcome = (typeof oauthOutcomes)[number];

/** A failed authorization or exchange, with the outcome to show; `detail` is a short, user-safe code or scope list. */
export class OAuthFlowError extends Error {
  constructor(
    readonly outcome: Exclude<OAuthOutcome, 'connected' | 'choose_site'>,
    readonly detail?: string,
  ) {
    super(`OAuth ${outcome}${detail ? `: ${detail}` : ''}`);
    this.name = 'OAuthFlowError';
  }
}

/** The provider refused the refresh token (invalid_grant, bad_refresh_token…): only the owner reconnecting helps. */
export class OAuthGrantRevokedError extends ReconnectNeededError {
  constructor(readonly providerName: string, readonly code: string) {
    super(`${providerName} refused to refresh the token (${code}): reconnect needed.`);
    this.name = 'OAuthGrantRevokedError';
  }
}

/** Refresh errors that mean the grant is gone, across providers. */
export const revokedGrantCodes = new Set([
  'invalid_grant', 'bad_refresh_token', 'invalid_refresh_token', 'token_revoked', 'invalid_auth', 'account_inactive',
  'unauthorized_client', 'token_expired',
]);
/** Web API errors that mean the stored token is no longer accepted (Slack's names; 401 elsewhere). */
export const revokedCallErrors = new Set(['token_revoked', 'invalid_auth', 'account_inactive', 'not_authed', 'token_expired']);
