import { describe, expect, it, vi } from 'vitest';
import { entraTenantAllowed, entraTenantPolicy } from '@/lib/auth/entra';
import { fetchGithubEmails, verifiedPrimaryEmail } from '@/lib/auth/github-emails';
import { resolveSignInIdentity, type SignInInput } from '@/lib/auth/sign-in-identity';

const TENANT = '11111111-2222-3333-4444-555555555555';
const entra = entraTenantPolicy({ AUTH_MICROSOFT_ENTRA_ID_TENANT_ID: TENANT });
const input = (provider: string, profile: Record<string, unknown>, email = 'Victim@Example.test', access_token = 'tok'): SignInInput => ({
  account: { provider, providerAccountId: 'sub-1', type: 'oauth', access_token },
  profile,
  user: { email, name: 'V', image: null },
});

describe('resolveSignInIdentity: which emails are verified', () => {
  it('OIDC and Google: only email_verified === true', async () => {
    for (const provider of ['oidc', 'google']) {
      expect((await resolveSignInIdentity(input(provider, { email_verified: true }), { entra }))?.emailVerified).toBe(true);
      for (const claim of [false, 'true', 1, undefined]) {
        expect((await resolveSignInIdentity(input(provider, { email_verified: claim }), { entra }))?.emailVerified).toBe(false);
      }
    }
  });

  it('Entra: verified only from the configured tenant, never under "any tenant"', async () => {
    expect((await resolveSignInIdentity(input('azure-ad', { tid: TENANT }), { entra }))?.emailVerified).toBe(true);
    expect((await resolveSignInIdentity(input('azure-ad', { tid: 'another-tenant' }), { entra }))?.emailVerified).toBe(false);
    const any = entraTenantPolicy({ AUTH_MICROSOFT_ENTRA_ID_ALLOW_ANY_TENANT: '1' });
    expect((await resolveSignInIdentity(input('azure-ad', { tid: TENANT }), { entra: any }))?.emailVerified).toBe(false);
  });

  it('GitHub: the verified primary address from /user/emails, not the profile email', async () => {
    const emails = vi.fn(async () => [
      { email: 'public@example.test', primary: false, verified: true },
      { email: 'primary@example.test', primary: true, verified: true },
    ]);
    const out = await resolveSignInIdentity(input('github', {}, 'public@example.test'), { entra, fetchGithubEmails: emails });
    expect(emails).toHaveBeenCalledWith('tok');
    expect(out).toMatchObject({ email: 'primary@example.test', emailVerified: true });
  });

  it('GitHub: an unverified primary, a failed call or no token leaves the email unverified', async () => {
    const unverified = async () => [{ email: 'victim@example.test', primary: true, verified: false }];
    expect(await resolveSignInIdentity(input('github', {}), { entra, fetchGithubEmails: unverified })).toMatchObject({ emailVerified: false });
    expect(await resolveSignInIdentity(input('github', {}), { entra, fetchGithubEmails: async () => null })).toMatchObject({ emailVerified: false });
    const never = vi.fn();
    expect(await resolveSignInIdentity(input('github', {}, 'x@example.test', ''), { entra, fetchGithubEmails: never })).toMatchObject({ emailVerified: false });
    expect(never).not.toHaveBeenCalled();
  });

  it('an unknown provider is never verified; no email at all is refused', async () => {
    expect(await resolveSignInIdentity(input('something', { email_verified: true }), { entra })).toMatchObject({ emailVerified: false });
    expect(await resolveSignInIdentity({ ...input('oidc', { email_verified: true }), user: { email: null } }, { entra })).toBeNull();
  });
});

describe('verifiedPrimaryEmail / fetchGithubEmails', () => {
  it('takes the primary address only when it is verified', () => {
    expect(verifiedPrimaryEmail([{ email: 'a@x', primary: true, verified: true }])).toBe('a@x');
    expect(verifiedPrimaryEmail([{ email: 'a@x', primary: true, verified: false }, { email: 'b@x', primary: false, verified: true }])).toBeNull();
    expect(verifiedPrimaryEmail([])).toBeNull();
  });

  it('reads /user/emails with the token; a non-2xx or a malformed body is null', async () => {
    const ok = vi.fn(async () => Response.json([{ email: 'a@x', primary: true, verified: true, visibility: null }]));
    expect(await fetchGithubEmails('tok', ok)).toEqual([{ email: 'a@x', primary: true, verified: true, visibility: null }]);
    expect(ok).toHaveBeenCalledWith('https://api.github.com/user/emails', expect.objectContaining({ headers: expect.objectContaining({ authorization: 'Bearer tok' }) }));
    expect(await fetchGithubEmails('tok', async () => new Response('no', { status: 403 }))).toBeNull();
    expect(await fetchGithubEmails('tok', async () => Response.json({ message: 'x' }))).toBeNull();
    expect(await fetchGithubEmails('tok', async () => { throw new Error('down'); })).toBeNull();
  });
});

describe('entraTenantPolicy', () => {
  it('needs a tenant, an allow-list, or an explicit "any tenant"', () => {
    expect(entraTenantPolicy({})).toMatchObject({ enabled: false, reason: expect.stringContaining('AUTH_MICROSOFT_ENTRA_ID_TENANT_ID') });
    expect(entraTenantPolicy({ AUTH_MICROSOFT_ENTRA_ID_TENANT_ID: 'common' })).toMatchObject({ enabled: false, reason: expect.stringContaining('AUTH_MICROSOFT_ENTRA_ID_ALLOW_ANY_TENANT=1') });
    expect(entraTenantPolicy({ AUTH_MICROSOFT_ENTRA_ID_TENANT_ID: TENANT })).toEqual({ enabled: true, endpoint: TENANT, allowedTenants: [TENANT] });
    expect(entraTenantPolicy({ AUTH_MICROSOFT_ENTRA_ID_ALLOWED_TENANT_IDS: ` ${TENANT}, B ` })).toEqual({ enabled: true, endpoint: 'organizations', allowedTenants: [TENANT, 'b'] });
    expect(entraTenantPolicy({ AUTH_MICROSOFT_ENTRA_ID_ALLOWED_TENANT_IDS: 'common' })).toMatchObject({ enabled: false });
    expect(entraTenantPolicy({ AUTH_MICROSOFT_ENTRA_ID_ALLOW_ANY_TENANT: '1' })).toEqual({ enabled: true, endpoint: 'common', allowedTenants: 'any' });
  });

  it('lets in only the listed tenants', () => {
    const policy = entraTenantPolicy({ AUTH_MICROSOFT_ENTRA_ID_ALLOWED_TENANT_IDS: `${TENANT},b` });
    expect(entraTenantAllowed(policy, TENANT.toUpperCase())).toBe(true);
    expect(entraTenantAllowed(policy, 'c')).toBe(false);
    expect(entraTenantAllowed(policy, undefined)).toBe(false);
    expect(entraTenantAllowed(entraTenantPolicy({}), TENANT)).toBe(false);
  });
});
