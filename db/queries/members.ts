import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../client';
import { projectMembers, type ProjectRole } from '../schema';

/** The caller's role in a project, or null when not a member (callers answer 404 then). */
export async function getMemberRole(db: DbOrTx, projectId: string, userId: string): Promise<ProjectRole | null> {
  const [row] = await db
    .select({ role: projectMembers.role })
    .from(projectMembers)
    .where(and(eq(projectMembers.projectId, projectId), eq(projectMembers.userId, userId)));
  return row?.role ?? null;
}
