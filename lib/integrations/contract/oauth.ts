/**
 * `oauth`: the authorization-code flow and the life of its tokens (the Connect issue).
 * The shared flow (state, PKCE, callback, storage, locking, revocation detection) lives in
 * lib/integrations/oauth; a provider supplies only what differs.
 */

/** One site a grant covers (Atlassian: a Jira cloud; one grant can cover several). */
export type OAuthSite = { id: string; name: string; url: string; apiBaseUrl: string };

export type OAuthGrant = {
  accessToken: string;
  /** On refresh, null keeps the refresh token already held (Google does not resend it). */
  refreshToken: string | null;
  /** null: the token does not expire (GitHub OAuth App, Slack without rotation). */
  expiresAt: Date | null;
  /** Scopes actually granted (users may untick some). */
  scopes: string[];
  /** Provider-specific facts worth keeping (Slack team and bot user, Google id_token subject). Never secrets. */
  account?: Record<string, unknown>;
  /** GitHub App user tokens carry the app's permissions, not scopes: the scope check does not apply. */
  scopesNotApplicable?: boolean;
  /** Sites the grant covers; with more than one the owner picks one after the callback. */
  sites?: OAuthSite[];
};

export type OAuthClientConfig = { clientId: string; clientSecret: string; redirectUri: string };

export type OAuthCapability = {
  /** "Connect with <label>": Atlassian for Jira, Google / Microsoft for the calendars. */
  label: string;
  /** Env variables holding the client id and secret (documented in .env.example); absent → "not configured on this server". */
  clientIdEnv: string;
  clientSecretEnv: string;
  /** Scopes we ask for, and those a grant must include to be usable. */
  scopes: string[];
  requiredScopes: string[];
  pkce: boolean;
  /** Refresh tokens are replaced on every use: refreshes must be serialised per connection. */
  rotatesRefreshToken: boolean;
  /** A pasted credential is a real alternative (GitHub PAT, Jira API token, Slack bot token); how to get one. */
  pasteSupported: boolean;
  pasteHelp?: string;
  authorizationUrl: (
    config: OAuthClientConfig,
    input: { state: string; codeVerifier: string | null; forceConsent: boolean },
  ) => URL;
  /** Throws OAuthFlowError (lib/integrations/oauth/errors) on a provider error. */
  exchange: (config: OAuthClientConfig, input: { code: string; codeVerifier: string | null }) => Promise<OAuthGrant>;
  /** Absent: tokens do not expire. Throws OAuthGrantRevokedError on invalid_grant. */
  refresh?: (config: OAuthClientConfig, refreshToken: string) => Promise<OAuthGrant>;
  /** Revokes at the provider on disconnect, where an API exists. */
  revoke?: (config: OAuthClientConfig, grant: { accessToken: string | null; refreshToken: string | null }) => Promise<void>;
};
