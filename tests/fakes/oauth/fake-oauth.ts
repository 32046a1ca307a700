import { createHash, randomBytes } from 'node:crypto';

export const fakeOAuthProviders = ['github', 'slack', 'atlassian', 'google', 'microsoft'] as const;
export type FakeOAuthProvider = (typeof fakeOAuthProviders)[number];

export type FakeProviderOptions = {
  /** Access token lifetime in seconds; null: it does not expire (GitHub OAuth App, Slack without rotation). */
  accessTtlSeconds: number | null;
  /** Refresh tokens are issued (GitHub App "expire user tokens", Slack token rotation, offline_access). */
  refresh: boolean;
  /** Every refresh returns a new refresh token and spends the old one. */
  rotate: boolean;
  /** Atlassian: how many sites accessible-resources lists. */
  sites: number;
};

const defaults: Record<FakeOAuthProvider, FakeProviderOptions> = {
  github: { accessTtlSeconds: null, refresh: false, rotate: true, sites: 0 }, // an OAuth App; setOptions for a GitHub App
  slack: { accessTtlSeconds: null, refresh: false, rotate: true, sites: 0 }, // setOptions for token rotation (12 h)
  atlassian: { accessTtlSeconds: 3600, refresh: true, rotate: true, sites: 1 }, // always rotates
  google: { accessTtlSeconds: 3599, refresh: true, rotate: false, sites: 0 },
  microsoft: { accessTtlSeconds: 3600, refresh: true, rotate: true, sites: 0 },
};

/** The client each provider knows by default; tests give the app these as *_CLIENT_ID / *_CLIENT_SECRET. */
export const fakeClients: Record<FakeOAuthProvider, { clientId: string; clientSecret: string }> = Object.fromEntries(
  fakeOAuthProviders.map((p) => [p, { clientId: `${p}-client-id`, clientSecret: `${p}-client-secret` }]),
) as Record<FakeOAuthProvider, { clientId: string; clientSecret: string }>;

type Code = { provider: FakeOAuthProvider; clientId: string; redirectUri: string; scopes: string[]; challenge: string | null; used: boolean; consent: boolean };
type Token = { provider: FakeOAuthProvider; clientId: string; scopes: string[]; expiresAt: number | null; revoked: boolean; grant: string };
type Refresh = { provider: FakeOAuthProvider; clientId: string; scopes: string[]; spent: boolean; revoked: boolean; grant: string };

export type Issued = { accessToken: string; refreshToken: string | null; expiresIn: number | null; scopes: string[]; grant: string };
export type TokenFailure = { error: 'invalid_grant' | 'invalid_client' | 'invalid_request'; description: string };

const rand = (prefix: string) => `${prefix}${randomBytes(18).toString('base64url')}`;
const prefixes: Record<FakeOAuthProvider, [string, string]> = {
  github: ['gho_', 'ghr_'], slack: ['xoxb-', 'xoxe-1-'], atlassian: ['atl-at-', 'atl-rt-'], google: ['ya29.', '1//'], microsoft: ['EwB', 'M.C5'],
};

/**
 * The state behind every fake OAuth provider: clients, codes, tokens, and the controls tests
 * use (expire, revoke, options). API fakes (tests/fakes/<provider>) can ask `accessTokenValid`.
 */
export class FakeOAuth {
  readonly clients = new Map<string, { provider: FakeOAuthProvider; secret: string }>();
  readonly codes = new Map<string, Code>();
  readonly tokens = new Map<string, Token>();
  readonly refreshTokens = new Map<string, Refresh>();
  readonly options: Record<FakeOAuthProvider, FakeProviderOptions> = structuredClone(defaults);
  /** Approve or deny the authorize step at once, without the HTML page (null: show the page). */
  autoAction: 'approve' | 'deny' | null = null;
  /** Scopes the next approval grants instead of those asked for (a user unticking some). */
  nextGrantedScopes: string[] | null = null;
  stats = { exchanges: 0, refreshes: 0, spentRefreshReused: 0, revokes: 0 };
  private consented = new Set<string>();

  constructor() {
    for (const p of fakeOAuthProviders) this.addClient(p, fakeClients[p].clientId, fakeClients[p].clientSecret);
  }
  addClient(provider: FakeOAuthProvider, clientId: string, secret: string) {
    this.clients.set(clientId, { provider, secret });
  }
  setOptions(provider: FakeOAuthProvider, options: Partial<FakeProviderOptions>) {
    Object.assign(this.options[provider], options);
  }
  clientValid(provider: FakeOAuthProvider, clientId: string | null, secret: string | null): boolean {
    const c = clientId ? this.clients.get(clientId) : undefined;
    return Boolean(c && c.provider === provider && c.secret === secret);
  }
  knownClient(provider: FakeOAuthProvider, clientId: string | null): boolean {
    return Boolean(clientId && this.clients.get(clientId)?.provider === provider);
  }

  approve(provider: FakeOAuthProvider, input: { clientId: string; redirectUri: string; scopes: string[]; challenge: string | null; consent: boolean }): string {
    const code = rand('code-');
    const scopes = this.nextGrantedScopes ?? input.scopes;
    this.nextGrantedScopes = null;
    this.codes.set(code, { provider, ...input, scopes, used: false });
    return code;
  }

  exchange(provider: FakeOAuthProvider, input: { code: string | null; clientId: string; redirectUri: string | null; verifier: string | null }): Issued | TokenFailure {
    const code = input.code ? this.codes.get(input.code) : undefined;
    if (!code || code.used || code.provider !== provider || code.clientId !== input.clientId) return { error: 'invalid_grant', description: 'The code is invalid, expired or already used.' };
    if (input.redirectUri != null && input.redirectUri !== code.redirectUri) return { error: 'invalid_grant', description: 'redirect_uri mismatch.' };
    if (code.challenge && (!input.verifier || createHash('sha256').update(input.verifier).digest('base64url') !== code.challenge)) {
      return { error: 'invalid_grant', description: 'PKCE verification failed.' };
    }
    code.used = true;
    this.stats.exchanges++;
    const grant = rand('grant-');
    // Google sends a refresh token on the first consent only (or when prompt=consent forced it again).
    const firstConsent = !this.consented.has(`${provider}:${code.clientId}`);
    this.consented.add(`${provider}:${code.clientId}`);
    const withRefresh = this.options[provider].refresh && (provider !== 'google' || firstConsent || code.consent);
    return this.issue(provider, code.clientId, code.scopes, grant, withRefresh);
  }

  refresh(provider: FakeOAuthProvider, input: { refreshToken: string | null; clientId: string }): Issued | TokenFailure {
    this.stats.refreshes++;
    const r = input.refreshToken ? this.refreshTokens.get(input.refreshToken) : undefined;
    if (!r || r.provider !== provider || r.clientId !== input.clientId || r.revoked) return { error: 'invalid_grant', description: 'The refresh token is invalid or revoked.' };
    if (r.spent) {
      this.stats.spentRefreshReused++;
      return { error: 'invalid_grant', description: 'The refresh token was already used.' };
    }
    const rotate = this.options[provider].rotate;
    if (rotate) r.spent = true;
    const issued = this.issue(provider, r.clientId, r.scopes, r.grant, rotate);
    return rotate ? issued : { ...issued, refreshToken: null };
  }

  private issue(provider: FakeOAuthProvider, clientId: string, scopes: string[], grant: string, withRefresh: boolean): Issued {
    const o = this.options[provider];
    const [ap, rp] = prefixes[provider];
    const accessToken = rand(o.accessTtlSeconds ? ap.replace('gho_', 'ghu_') : ap);
    this.tokens.set(accessToken, { provider, clientId, scopes, grant, revoked: false, expiresAt: o.accessTtlSeconds ? Date.now() + o.accessTtlSeconds * 1000 : null });
    let refreshToken: string | null = null;
    if (withRefresh) {
      refreshToken = rand(rp);
      this.refreshTokens.set(refreshToken, { provider, clientId, scopes, grant, spent: false, revoked: false });
    }
    return { accessToken, refreshToken, expiresIn: o.accessTtlSeconds, scopes, grant };
  }

  /** Is this a live access token of the provider (API fakes answer 401 otherwise)? */
  accessTokenValid(provider: FakeOAuthProvider, token: string | null): boolean {
    const t = token ? this.tokens.get(token) : undefined;
    return Boolean(t && t.provider === provider && !t.revoked && (t.expiresAt === null || t.expiresAt > Date.now()));
  }
  /** Revokes the grant a token belongs to (access and refresh tokens alike); false when unknown. */
  revokeToken(provider: FakeOAuthProvider, token: string | null): boolean {
    const t = (token && (this.tokens.get(token) ?? this.refreshTokens.get(token))) || undefined;
    if (!t || t.provider !== provider) return false;
    this.stats.revokes++;
    this.revokeWhere((x) => x.grant === t.grant);
    return true;
  }
  /** Test control: every grant of a provider revoked (a user removing the app). */
  revokeAll(provider?: FakeOAuthProvider) {
    this.revokeWhere((x) => !provider || x.provider === provider);
  }
  /** Test control: every access token of a provider expires now. */
  expireAll(provider?: FakeOAuthProvider) {
    for (const t of this.tokens.values()) if (!provider || t.provider === provider) t.expiresAt = Date.now() - 1000;
  }
  private revokeWhere(match: (x: { provider: FakeOAuthProvider; grant: string }) => boolean) {
    for (const t of this.tokens.values()) if (match(t)) t.revoked = true;
    for (const r of this.refreshTokens.values()) if (match(r)) r.revoked = true;
  }
}

/** An unsigned-looking JWT (arctic's decodeIdToken only decodes): Google and Microsoft send one. */
export function fakeIdToken(claims: Record<string, unknown>): string {
  const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  return `${b64({ alg: 'RS256', typ: 'JWT', kid: 'fake' })}.${b64({ iat: now, exp: now + 3600, ...claims })}.${Buffer.from('fake-signature').toString('base64url')}`;
}
