import type { NextAuthOptions } from 'next-auth';
import { getDb } from '@/db/client';
import { signInUser } from '@/db/queries/users';
import { entraTenantAllowed, entraTenantPolicy } from './entra';
import { devSignInProvider, oauthProviders } from './providers';
import { DEFAULT_AFTER_SIGN_IN, sameOriginPath } from './safe-redirect';
import { resolveSignInIdentity } from './sign-in-identity';

/** next-auth (v4) with JWT sessions; our users/accounts rows are written at sign-in. */
export function buildAuthOptions(env: Record<string, string | undefined> = process.env): NextAuthOptions {
  const dev = devSignInProvider(env);
  const entra = entraTenantPolicy(env);
  return {
    providers: dev ? [...oauthProviders(env), dev] : oauthProviders(env),
    session: { strategy: 'jwt' },
    pages: { signIn: '/signin' },
    callbacks: {
      async signIn({ user, account, profile }) {
        if (!user.email) return false;
        // Entra: only the tenants we were told to accept (the endpoint may be multi-tenant).
        if (account?.provider === 'azure-ad') return entraTenantAllowed(entra, (profile as { tid?: unknown } | undefined)?.tid);
        return true;
      },
      async jwt({ token, user, account, profile }) {
        if (user && account) {
          const identity = await resolveSignInIdentity(
            { account, profile: profile as Record<string, unknown> | undefined, user },
            { entra },
          );
          if (!identity) throw new Error('sign-in without an email');
          const row = await signInUser(getDb(), identity);
          token.uid = row.id;
          token.email = row.email;
          token.name = row.name;
        }
        return token;
      },
      async session({ session, token }) {
        if (session.user && typeof token.uid === 'string') session.user.id = token.uid;
        return session;
      },
      // Never off-site: only same-origin paths survive (lib/auth/safe-redirect.ts).
      async redirect({ url, baseUrl }) {
        return `${baseUrl}${sameOriginPath(url, baseUrl) ?? DEFAULT_AFTER_SIGN_IN}`;
      },
    },
    logger: {
      // next-auth's default logger can print request metadata; keep only codes and messages.
      error: (code, meta) => console.error(`[auth] ${code}`, meta instanceof Error ? meta.message : ''),
      warn: (code) => console.warn(`[auth] ${code}`),
      debug: () => {},
    },
  };
}

let cached: NextAuthOptions | undefined;
export function authOptions(): NextAuthOptions {
  return (cached ??= buildAuthOptions());
}
