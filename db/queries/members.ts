import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db, DbOrTx, Tx } from '../client';
import { projectMembers, type ProjectRole, tasks, users } from '../schema';
import { claimedEmailIndexWhere, normalizeEmail } from './users';

/** The caller's role in a project, or null when not a member (callers answer 404 then). */
export async function getMemberRole(db: DbOrTx, projectId: string, userId: string): Promise<ProjectRole | null> {
  const [row] = await db
    .select({ role: projectMembers.role })
    .from(projectMembers)
    .where(and(eq(projectMembers.projectId, projectId), eq(projectMembers.userId, userId)));
  return row?.role ?? null;
}

/** `invited`: added by email and has not signed in yet. */
export type MemberRow = { userId: string; email: string; name: string | null; role: ProjectRole; createdAt: Date; invited: boolean };

/** A project's members with their email and name, owners first, for the members panel and assignee pickers. */
export async function listMembers(db: DbOrTx, projectId: string): Promise<MemberRow[]> {
  return db
    .select({
      userId: projectMembers.userId,
      email: users.email,
      name: users.name,
      role: projectMembers.role,
      createdAt: projectMembers.createdAt,
      invited: users.invited,
    })
    .from(projectMembers)
    .innerJoin(users, eq(users.id, projectMembers.userId))
    .where(eq(projectMembers.projectId, projectId))
    .orderBy(asc(projectMembers.role), asc(users.email));
}

/** Which of `userIds` are not members of the project (assignee validation). */
export async function findNonMembers(db: DbOrTx, projectId: string, userIds: readonly string[]): Promise<string[]> {
  if (userIds.length === 0) return [];
  const rows = await db
    .select({ userId: projectMembers.userId })
    .from(projectMembers)
    .where(and(eq(projectMembers.projectId, projectId), inArray(projectMembers.userId, [...userIds])));
  const found = new Set(rows.map((r) => r.userId));
  return userIds.filter((id) => !found.has(id));
}

/**
 * Adds a member by email. The email names whoever *claims* it (verified at sign-in); when
 * nobody does yet, an invited placeholder user holds the membership until a sign-in with that
 * email verified claims it (db/queries/users.ts). An unverified sign-in never matches. Returns
 * null when they already belong to the project.
 */
export async function addMemberByEmail(
  db: DbOrTx,
  projectId: string,
  email: string,
  role: ProjectRole = 'member',
): Promise<MemberRow | null> {
  const normalized = normalizeEmail(email);
  const [user] = await db
    .insert(users)
    .values({ email: normalized, invited: true })
    .onConflictDoUpdate({ target: users.email, targetWhere: claimedEmailIndexWhere, set: { email: sql`excluded.email` } })
    .returning();
  const [added] = await db
    .insert(projectMembers)
    .values({ projectId, userId: user!.id, role })
    .onConflictDoNothing()
    .returning();
  if (!added) return null;
  return { userId: user!.id, email: user!.email, name: user!.name, role: added.role, createdAt: added.createdAt, invited: user!.invited };
}

export type RemoveMemberOutcome = 'removed' | 'not_member' | 'last_owner';

/**
 * Removes a member and unassigns them from the project's tasks (their tasks stay). Runs in a
 * transaction that locks the project's owner rows, so two owners removing each other cannot
 * leave the project without one.
 */
/**
 * Locks the project's owner rows for the rest of the transaction and returns them: every change
 * that could take the last owner away takes this lock first, so two of them cannot both pass
 * the "another owner remains" check.
 */
function lockOwners(tx: Tx, projectId: string) {
  return tx
    .select({ userId: projectMembers.userId })
    .from(projectMembers)
    .where(and(eq(projectMembers.projectId, projectId), eq(projectMembers.role, 'owner')))
    .for('update');
}

export async function removeMember(db: Db, projectId: string, userId: string): Promise<RemoveMemberOutcome> {
  return db.transaction(async (tx) => {
    const owners = await lockOwners(tx, projectId);
    const role = await getMemberRole(tx, projectId, userId);
    if (!role) return 'not_member';
    if (role === 'owner' && owners.length <= 1) return 'last_owner';
    await tx
      .delete(projectMembers)
      .where(and(eq(projectMembers.projectId, projectId), eq(projectMembers.userId, userId)));
    await tx
      .update(tasks)
      .set({ assigneeIds: sql`array_remove(${tasks.assigneeIds}, ${userId}::uuid)`, updatedAt: new Date() })
      .where(and(eq(tasks.projectId, projectId), sql`${userId}::uuid = any(${tasks.assigneeIds})`));
    return 'removed';
  });
}

export type SetRoleOutcome = 'changed' | 'unchanged' | 'not_member' | 'last_owner';

/**
 * Changes a member's role. Locks the project's owner rows like removeMember, so two owners
 * demoting each other at once cannot leave the project without one.
 */
export async function setMemberRole(db: Db, projectId: string, userId: string, role: ProjectRole): Promise<SetRoleOutcome> {
  return db.transaction(async (tx) => {
    const owners = await lockOwners(tx, projectId);
    const current = await getMemberRole(tx, projectId, userId);
    if (!current) return 'not_member';
    if (current === role) return 'unchanged';
    if (current === 'owner' && owners.length <= 1) return 'last_owner';
    await tx
      .update(projectMembers)
      .set({ role })
      .where(and(eq(projectMembers.projectId, projectId), eq(projectMembers.userId, userId)));
    return 'changed';
  });
}
