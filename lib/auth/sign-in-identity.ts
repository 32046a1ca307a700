import type { SignInIdentity } from '@/db/queries/users';
import { type EntraTenantPolicy, entraEmailVerified } from './entra';
import { fetchGithubEmails, verifiedPrimaryEmail } from './github-emails';

/** What next-auth hands the jwt callback at sign-in, reduced to what we read. */
export type SignInInput = {
  account: { provider: string; providerAccountId: string; type: string; access_token?: string };
  /** The provider's raw profile (ID token claims for OIDC providers, /user for GitHub). */
  profile?: Record<string, unknown>;
  user: { email?: string | null; name?: string | null; image?: string | null };
};

export type IdentityDeps = { entra: EntraTenantPolicy; fetchGithubEmails?: typeof fetchGithubEmails };

/**
 * Who signed in, and whether the provider vouches for the email. Only a verified email may
 * link to an existing user or claim an invitation (db/queries/users.ts). Null: no email.
 */
export async function resolveSignInIdentity(input: SignInInput, deps: IdentityDeps): Promise<SignInIdentity | null> {
  const { account, profile = {}, user } = input;
  let email = user.email ?? null;
  let emailVerified = false;
  switch (account.provider) {
    case 'oidc':
    case 'google':
      emailVerified = profile.email_verified === true;
      break;
    case 'azure-ad':
      emailVerified = entraEmailVerified(deps.entra, profile.tid);
      break;
    case 'github': {
      const emails = account.access_token ? await (deps.fetchGithubEmails ?? fetchGithubEmails)(account.access_token) : null;
      const verified = emails ? verifiedPrimaryEmail(emails) : null;
      if (verified) {
        email = verified;
        emailVerified = true;
      }
      break;
    }
    case 'dev-email':
      // Development only (the provider does not exist in a production build): you are who you type.
      emailVerified = process.env.NODE_ENV === 'development';
      break;
  }
  if (!email) return null;
  return {
    provider: account.provider,
    providerAccountId: account.providerAccountId,
    type: account.type,
    email,
    emailVerified,
    name: user.name,
    image: user.image,
  };
}
