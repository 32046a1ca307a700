import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';
import { claimsForLogin } from './test-logins';

export type OidcServer = { issuer: string; close: () => Promise<void> };

/**
 * A real OpenID provider on loopback (npm oidc-provider) with one confidential client, the
 * app. Its development interactions render a login form where a person types any login,
 * then a consent screen: the app signs in through the real authorization-code flow.
 */
export async function startOidcServer(opts: {
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  port?: number;
}): Promise<OidcServer> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: opts.clientId,
        client_secret: opts.clientSecret,
        redirect_uris: [opts.redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    // next-auth reads the profile from the ID token, so the requested claims go in it.
    conformIdTokenClaims: false,
    cookies: { keys: [crypto.randomUUID()] },
    features: { devInteractions: { enabled: true } },
    ttl: { Interaction: 600, Session: 3600, Grant: 3600, AccessToken: 600, IdToken: 600, AuthorizationCode: 60 },
    async findAccount(_ctx, sub) {
      return { accountId: sub, claims: async () => claimsForLogin(sub) };
    },
  });
  server.on('request', provider.callback());
  return {
    issuer,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
