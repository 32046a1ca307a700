import type { Provider } from 'next-auth/providers/index';
import AzureADProvider from 'next-auth/providers/azure-ad';
import CredentialsProvider from 'next-auth/providers/credentials';
import GitHubProvider from 'next-auth/providers/github';
import GoogleProvider from 'next-auth/providers/google';

import { entraTenantPolicy } from './entra';

type Env = Record<string, string | undefined>;

const warned = new Set<string>();
function warnOnce(message: string): void {
  if (warned.has(message)) return;
  warned.add(message);
  console.warn(message);
}

/** OAuth/OIDC sign-in providers, each enabled by its env variables. */
export function oauthProviders(env: Env = process.env): Provider[] {
  const list: Provider[] = [];
  if (env.AUTH_GITHUB_ID && env.AUTH_GITHUB_SECRET) {
    list.push(GitHubProvider({ clientId: env.AUTH_GITHUB_ID, clientSecret: env.AUTH_GITHUB_SECRET }));
  }
  if (env.AUTH_GOOGLE_ID && env.AUTH_GOOGLE_SECRET) {
    list.push(GoogleProvider({ clientId: env.AUTH_GOOGLE_ID, clientSecret: env.AUTH_GOOGLE_SECRET }));
  }
  if (env.AUTH_MICROSOFT_ENTRA_ID_ID && env.AUTH_MICROSOFT_ENTRA_ID_SECRET) {
    const policy = entraTenantPolicy(env);
    if (policy.enabled) {
      list.push(
        AzureADProvider({
          clientId: env.AUTH_MICROSOFT_ENTRA_ID_ID,
          clientSecret: env.AUTH_MICROSOFT_ENTRA_ID_SECRET,
          tenantId: policy.endpoint,
        }),
      );
    } else {
      warnOnce(`[auth] Microsoft Entra ID sign-in is disabled: ${policy.reason}.`);
    }
  }
  if (env.AUTH_OIDC_ISSUER && env.AUTH_OIDC_ID && env.AUTH_OIDC_SECRET) {
    const issuer = env.AUTH_OIDC_ISSUER.replace(/\/+$/, '');
    list.push({
      id: 'oidc',
      name: env.AUTH_OIDC_NAME || 'Single sign-on',
      type: 'oauth',
      wellKnown: `${issuer}/.well-known/openid-configuration`,
      clientId: env.AUTH_OIDC_ID,
      clientSecret: env.AUTH_OIDC_SECRET,
      authorization: { params: { scope: 'openid email profile' } },
      idToken: true,
      checks: ['pkce', 'state'],
      profile(profile: { sub: string; email?: string; name?: string; picture?: string }) {
        return { id: profile.sub, email: profile.email, name: profile.name ?? profile.email, image: profile.picture };
      },
    });
  }
  return list;
}

/**
 * Development sign-in by email, only when no real provider is configured and only in
 * development. `next build` inlines NODE_ENV='production', so this code is dead there.
 */
export function devSignInProvider(env: Env = process.env): Provider | null {
  if (process.env.NODE_ENV !== 'development') return null;
  if (env.TASKBRIDGE_DISABLE_DEV_SIGNIN === '1' || oauthProviders(env).length > 0) return null;
  return CredentialsProvider({
    id: 'dev-email',
    name: 'Development sign-in',
    credentials: { email: { label: 'Email', type: 'email' } },
    async authorize(credentials) {
      if (process.env.NODE_ENV !== 'development') return null;
      const email = credentials?.email?.trim().toLowerCase();
      if (!email || !/^[^@\s]+@[^@\s]+$/.test(email)) return null;
      return { id: email, email, name: email.split('@')[0] };
    },
  });
}
