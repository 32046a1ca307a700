import { and, count, desc, eq, isNull } from 'drizzle-orm';
import type { Db, DbOrTx } from '../client';
import { type Project, projectMembers, type ProjectRole, projects, tasks } from '../schema';

/** Creates a project and makes its creator the owner, in one transaction. */
export async function createProject(
  db: Db,
  input: { name: string; description: string; ownerId: string },
): Promise<Project> {
  return db.transaction(async (tx) => {
    const [project] = await tx
      .insert(projects)
      .values({ name: input.name, description: input.description, createdBy: input.ownerId })
      .returning();
    await tx.insert(projectMembers).values({ projectId: project!.id, userId: input.ownerId, role: 'owner' });
    return project!;
  });
}

export type ProjectListItem = Project & { role: ProjectRole; taskCount: number };

/** The projects a user belongs to, newest first, with their role and task count. */
export async function listProjectsForUser(db: DbOrTx, userId: string): Promise<ProjectListItem[]> {
  const rows = await db
    .select({ project: projects, role: projectMembers.role })
    .from(projectMembers)
    .innerJoin(projects, eq(projects.id, projectMembers.projectId))
    .where(eq(projectMembers.userId, userId))
    .orderBy(desc(projects.createdAt));
  if (rows.length === 0) return [];
  const counts = await db
    .select({ projectId: tasks.projectId, n: count() })
    .from(tasks)
    .innerJoin(projectMembers, and(eq(projectMembers.projectId, tasks.projectId), eq(projectMembers.userId, userId)))
    .where(isNull(tasks.deletedAt))
    .groupBy(tasks.projectId);
  const byProject = new Map(counts.map((c) => [c.projectId, c.n]));
  return rows.map((r) => ({ ...r.project, role: r.role, taskCount: byProject.get(r.project.id) ?? 0 }));
}

export async function getProject(db: DbOrTx, projectId: string): Promise<Project | undefined> {
  const [row] = await db.select().from(projects).where(eq(projects.id, projectId));
  return row;
}

/** Renames / re-describes a project; undefined when it does not exist. */
export async function updateProject(
  db: DbOrTx,
  projectId: string,
  patch: Partial<Pick<Project, 'name' | 'description'>>,
): Promise<Project | undefined> {
  const [row] = await db.update(projects).set({ ...patch, updatedAt: new Date() }).where(eq(projects.id, projectId)).returning();
  return row;
}

/** Deletes a project; FK cascades remove its members, tasks, milestones, integrations and their rows. */
export async function deleteProject(db: DbOrTx, projectId: string): Promise<boolean> {
  const rows = await db.delete(projects).where(eq(projects.id, projectId)).returning({ id: projects.id });
  return rows.length > 0;
}
