import type { NextAuthOptions } from 'next-auth';
import { getDb } from '@/db/client';
import { upsertSignInUser } from '@/db/queries/users';
import { devSignInProvider, oauthProviders } from './providers';

/** next-auth (v4) with JWT sessions; our users/accounts rows are written at sign-in. */
export function buildAuthOptions(): NextAuthOptions {
  const dev = devSignInProvider();
  return {
    providers: dev ? [...oauthProviders(), dev] : oauthProviders(),
    session: { strategy: 'jwt' },
    pages: { signIn: '/signin' },
    callbacks: {
      async signIn({ user }) {
        return Boolean(user.email);
      },
      async jwt({ token, user, account }) {
        if (user && account && user.email) {
          const row = await upsertSignInUser(getDb(), {
            email: user.email,
            name: user.name,
            image: user.image,
            provider: account.provider,
            providerAccountId: account.providerAccountId,
            type: account.type,
          });
          token.uid = row.id;
          token.email = row.email;
        }
        return token;
      },
      async session({ session, token }) {
        if (session.user && typeof token.uid === 'string') session.user.id = token.uid;
        return session;
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
