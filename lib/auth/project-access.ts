import { eq } from 'drizzle-orm';
import { forbidden, notFound, redirect } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { getMemberRole } from '@/db/queries/members';
import { type Project, type ProjectRole, projects } from '@/db/schema';
import { getSessionUser, type SessionUser } from './session';

export type ProjectAccess = { user: SessionUser; role: ProjectRole; project: Project };

/**
 * For pages: the signed-in caller's access to a project. Not signed in → sign-in page;
 * not a member (or no such project, or a malformed id) → 404; a member on an owner-only
 * page → 403.
 */
export async function requireProjectAccess(projectId: string, need: 'member' | 'owner'): Promise<ProjectAccess> {
  const user = await getSessionUser();
  if (!user) redirect('/signin');
  if (!z.uuid().safeParse(projectId).success) notFound();
  const db = getDb();
  const role = await getMemberRole(db, projectId, user.id);
  if (!role) notFound();
  if (need === 'owner' && role !== 'owner') forbidden();
  const [project] = await db.select().from(projects).where(eq(projects.id, projectId));
  if (!project) notFound();
  return { user, role, project };
}

export async function requireUser(): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect('/signin');
  return user;
}
