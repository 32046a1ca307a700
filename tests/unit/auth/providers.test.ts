import { afterEach, describe, expect, it, vi } from 'vitest';
import { oauthProviders } from '@/lib/auth/providers';

const entra = { AUTH_MICROSOFT_ENTRA_ID_ID: 'id', AUTH_MICROSOFT_ENTRA_ID_SECRET: 'secret' };

describe('Microsoft Entra ID provider', () => {
  afterEach(() => vi.restoreAllMocks());

  it('is not enabled without a tenant, and the warning names the variables', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(oauthProviders(entra).map((p) => p.id)).toEqual([]);
    expect(warn.mock.calls.flat().join(' ')).toMatch(/AUTH_MICROSOFT_ENTRA_ID_TENANT_ID.*AUTH_MICROSOFT_ENTRA_ID_ALLOWED_TENANT_IDS.*AUTH_MICROSOFT_ENTRA_ID_ALLOW_ANY_TENANT=1/);
    expect(warn.mock.calls.flat().join(' ')).not.toContain('secret');
  });

  it('"common" alone is refused; with ALLOW_ANY_TENANT=1 it is the common endpoint', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(oauthProviders({ ...entra, AUTH_MICROSOFT_ENTRA_ID_TENANT_ID: 'common' })).toEqual([]);
    const [any] = oauthProviders({ ...entra, AUTH_MICROSOFT_ENTRA_ID_ALLOW_ANY_TENANT: '1' });
    expect((any as { wellKnown?: string }).wellKnown).toContain('/common/');
  });

  it('uses the configured tenant, or the organizations endpoint for an allow-list', () => {
    const [single] = oauthProviders({ ...entra, AUTH_MICROSOFT_ENTRA_ID_TENANT_ID: 'contoso-tenant' });
    expect((single as { wellKnown?: string }).wellKnown).toContain('/contoso-tenant/');
    const [list] = oauthProviders({ ...entra, AUTH_MICROSOFT_ENTRA_ID_ALLOWED_TENANT_IDS: 'a,b' });
    expect((list as { wellKnown?: string }).wellKnown).toContain('/organizations/');
  });
});

describe('signIn callback', () => {
  it('refuses an Entra ID token from a tenant that is not allowed, and a sign-in without email', async () => {
    const { buildAuthOptions } = await import('@/lib/auth/options');
    const signIn = buildAuthOptions({ ...entra, AUTH_MICROSOFT_ENTRA_ID_ALLOWED_TENANT_IDS: 'a,b' }).callbacks!.signIn!;
    const attempt = (tid: string, email: string | null = 'x@example.test') =>
      signIn({ user: { id: '1', email }, account: { provider: 'azure-ad', type: 'oauth', providerAccountId: 's' }, profile: { tid } as never });
    expect(await attempt('a')).toBe(true);
    expect(await attempt('c')).toBe(false);
    expect(await attempt('a', null)).toBe(false);
  });
});
