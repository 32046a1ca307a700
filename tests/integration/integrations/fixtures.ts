import { createIntegration } from '@/lib/actions/create-integration';
import type { SessionUser } from '@/lib/auth/session';
import type { ProviderType } from '@/lib/integrations/provider-types';
import { addMember, createProject, createUser } from '../../helpers/factories';

/**
 * Who is calling. Each test file has the one mock, reading this:
 *   vi.mock('@/lib/auth/session', () => ({ getSessionUser: async () => globalThis.__tbTestUser ?? null }));
 * Everything else (db, crypto, registry, jobs) is real.
 */
declare global {
  var __tbTestUser: SessionUser | null | undefined;
}

export function as(user: { id: string; email: string; name: string | null } | null) {
  globalThis.__tbTestUser = user && { id: user.id, email: user.email, name: user.name };
}

/** A project with an owner, a member and an outsider (a user of another project). */
export async function projectWithRoles() {
  const owner = await createUser('owner');
  const member = await createUser('member');
  const outsider = await createUser('outsider');
  const project = await createProject(owner.id);
  await addMember(project.id, member.id, 'member');
  await createProject(outsider.id);
  return { owner, member, outsider, project };
}

/** A valid GitHub configure input for the integration. */
export function githubInput(ref: { projectId: string; integrationId: string }, over: Record<string, unknown> = {}) {
  return {
    ...ref,
    providerType: 'github' as const,
    externalId: 'octo/hello-world',
    settings: { conflictPolicy: 'newest', labelFilter: [] },
    syncEnabled: true,
    syncIntervalSeconds: 300,
    ...over,
  };
}

/** A new integration created through the owner's action, as its action reference. */
export async function ownerCreates(owner: { id: string; email: string; name: string | null }, projectId: string, providerType: ProviderType) {
  as(owner);
  const r = await createIntegration({ projectId, providerType });
  if (!r.ok) throw new Error(r.error.message);
  return { projectId, integrationId: r.data.integrationId };
}
