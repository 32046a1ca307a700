import { eq } from 'drizzle-orm';
import { forbidden, notFound, redirect } from 'next/navigation';
import { cache } from 'react';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { getMemberRole } from '@/db/queries/members';
import { type Project, type ProjectRole, projects } from '@/db/schema';
import { signInPathFor } from './safe-redirect';
import { getSessionUser, type SessionUser } from './session';

export type ProjectAccess = { user: SessionUser; role: ProjectRole; project: Project };

/**
 * For pages: the signed-in caller's access to a project. Not signed in → sign-in page, which
 * returns to `returnTo` (the page's own path) afterwards; not a member (or no such project,
 * or a malformed id) → 404; a member on an owner-only page → 403.
 */
export async function requireProjectAccess(projectId: string, need: 'member' | 'owner', returnTo: string): Promise<ProjectAccess> {
  const user = await requireUser(returnTo);
  const access = await loadAccess(projectId, user.id);
  if (!access) notFound();
  if (need === 'owner' && access.role !== 'owner') forbidden();
  return { user, ...access };
}

/** Memoised per request, so generateMetadata and the page share one lookup. */
const loadAccess = cache(async (projectId: string, userId: string) => {
  if (!z.uuid().safeParse(projectId).success) return null;
  const db = getDb();
  const role = await getMemberRole(db, projectId, userId);
  if (!role) return null;
  const [project] = await db.select().from(projects).where(eq(projects.id, projectId));
  return project ? { role, project } : null;
});

/** For pages: the signed-in caller, or a redirect to sign in that comes back to `returnTo`. */
export async function requireUser(returnTo: string): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect(signInPathFor(returnTo));
  return user;
}
