import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { addMemberByEmail, getMemberRole } from '@/db/queries/members';
import { getUserByClaimedEmail, type SignInIdentity, signInUser } from '@/db/queries/users';
import { accounts, users } from '@/db/schema';
import { createProject, createUser } from '../../helpers/factories';

const rand = () => Math.random().toString(36).slice(2, 10);
const identity = (over: Partial<SignInIdentity> & { email: string }): SignInIdentity => ({
  provider: 'oidc',
  providerAccountId: `sub-${rand()}`,
  type: 'oauth',
  emailVerified: true,
  name: 'Someone',
  ...over,
});

describe('sign-in account linking', () => {
  it('a known (provider, subject) signs in as its user, whatever email it now asserts', async () => {
    const first = await signInUser(getDb(), identity({ email: `a-${rand()}@example.test`, providerAccountId: 'stable-1' }));
    const again = await signInUser(getDb(), identity({ email: `other-${rand()}@example.test`, providerAccountId: 'stable-1', emailVerified: false }));
    expect(again.id).toBe(first.id);
  });

  it('a verified email links a new provider account to the user who claims it', async () => {
    const email = `link-${rand()}@example.test`;
    const viaOidc = await signInUser(getDb(), identity({ email }));
    const viaGithub = await signInUser(getDb(), identity({ email: email.toUpperCase(), provider: 'github', emailVerified: true }));
    expect(viaGithub.id).toBe(viaOidc.id);
    const linked = await getDb().select().from(accounts).where(eq(accounts.userId, viaOidc.id));
    expect(linked.map((a) => a.provider).sort()).toEqual(['github', 'oidc']);
  });

  it('an unverified email never merges into the verified owner of that email', async () => {
    const victim = await createUser('victim');
    const attackerAccount = identity({ email: victim.email, emailVerified: false, provider: 'azure-ad' });
    const attacker = await signInUser(getDb(), attackerAccount);
    expect(attacker.id).not.toBe(victim.id);
    expect(attacker.emailVerified).toBeNull();
    expect((await getUserByClaimedEmail(getDb(), victim.email))?.id).toBe(victim.id);
    // Signing in again with the same account stays the attacker's own user.
    expect((await signInUser(getDb(), attackerAccount)).id).toBe(attacker.id);
  });

  it('two unverified sign-ins with one email get two users', async () => {
    const email = `dup-${rand()}@example.test`;
    const a = await signInUser(getDb(), identity({ email, emailVerified: false }));
    const b = await signInUser(getDb(), identity({ email, emailVerified: false }));
    expect(a.id).not.toBe(b.id);
    expect(await getUserByClaimedEmail(getDb(), email)).toBeUndefined();
  });

  it('a pending invitation is claimed by a verified sign-in, not by an unverified one', async () => {
    const owner = await createUser('owner');
    const project = await createProject(owner.id);
    const email = `invitee-${rand()}@example.test`;
    const invited = (await addMemberByEmail(getDb(), project.id, email))!;

    const attacker = await signInUser(getDb(), identity({ email, emailVerified: false }));
    expect(attacker.id).not.toBe(invited.userId);
    expect(await getMemberRole(getDb(), project.id, attacker.id)).toBeNull();

    const invitee = await signInUser(getDb(), identity({ email, emailVerified: true, name: 'Invitee' }));
    expect(invitee.id).toBe(invited.userId);
    expect(invitee).toMatchObject({ invited: false, name: 'Invitee' });
    expect(invitee.emailVerified).toBeInstanceOf(Date);
    expect(await getMemberRole(getDb(), project.id, invitee.id)).toBe('member');
  });

  it('inviting an email finds its verified owner, never an unverified user with it', async () => {
    const owner = await createUser('owner');
    const project = await createProject(owner.id);
    const email = `target-${rand()}@example.test`;
    const unverified = await signInUser(getDb(), identity({ email, emailVerified: false }));
    const added = (await addMemberByEmail(getDb(), project.id, email))!;
    expect(added.userId).not.toBe(unverified.id);
    expect(await getMemberRole(getDb(), project.id, unverified.id)).toBeNull();
    // A second invitation to another project reuses the same pending user.
    const other = await createProject(owner.id);
    expect((await addMemberByEmail(getDb(), other.id, email.toUpperCase()))!.userId).toBe(added.userId);

    const verified = await createUser('known');
    expect((await addMemberByEmail(getDb(), project.id, verified.email))!.userId).toBe(verified.id);
    const pending = await getDb().select().from(users).where(eq(users.email, verified.email));
    expect(pending).toHaveLength(1);
  });

  it('concurrent first sign-ins of one verified email end as one user', async () => {
    const email = `race-${rand()}@example.test`;
    const [a, b] = await Promise.all([
      signInUser(getDb(), identity({ email, provider: 'oidc' })),
      signInUser(getDb(), identity({ email, provider: 'google' })),
    ]);
    expect(a.id).toBe(b.id);
    const linked = await getDb().select().from(accounts).where(eq(accounts.userId, a.id));
    expect(linked).toHaveLength(2);
  });
});
