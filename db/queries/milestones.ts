import { and, asc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client';
import { type Milestone, milestones } from '../schema';

export type MilestoneValues = Pick<Milestone, 'title' | 'description' | 'dueDate'>;

/** A project's milestones, soonest due first, undated last. */
export async function listMilestones(db: DbOrTx, projectId: string): Promise<Milestone[]> {
  return db
    .select()
    .from(milestones)
    .where(eq(milestones.projectId, projectId))
    .orderBy(sql`${milestones.dueDate} asc nulls last`, asc(milestones.createdAt));
}

export async function getMilestone(db: DbOrTx, projectId: string, milestoneId: string): Promise<Milestone | undefined> {
  const [row] = await db
    .select()
    .from(milestones)
    .where(and(eq(milestones.projectId, projectId), eq(milestones.id, milestoneId)));
  return row;
}

export async function createMilestone(db: DbOrTx, projectId: string, values: MilestoneValues): Promise<Milestone> {
  const [row] = await db
    .insert(milestones)
    .values({ ...values, projectId })
    .returning();
  return row!;
}

/** Applies an edit; undefined when the milestone is not in the project. */
export async function updateMilestone(
  db: DbOrTx,
  projectId: string,
  milestoneId: string,
  patch: Partial<MilestoneValues>,
): Promise<Milestone | undefined> {
  const [row] = await db
    .update(milestones)
    .set({ ...patch, updatedAt: new Date() })
    .where(and(eq(milestones.projectId, projectId), eq(milestones.id, milestoneId)))
    .returning();
  return row;
}

/** Deletes a milestone; its tasks keep going without one (FK on delete set null). */
export async function deleteMilestone(db: DbOrTx, projectId: string, milestoneId: string): Promise<boolean> {
  const rows = await db
    .delete(milestones)
    .where(and(eq(milestones.projectId, projectId), eq(milestones.id, milestoneId)))
    .returning({ id: milestones.id });
  return rows.length > 0;
}

/** The project's milestone with this name (ignoring case), other than `exceptId`. */
export async function findMilestoneByTitle(db: DbOrTx, projectId: string, title: string, exceptId?: string) {
  const [row] = await db
    .select({ id: milestones.id })
    .from(milestones)
    .where(and(eq(milestones.projectId, projectId), sql`lower(${milestones.title}) = lower(${title})`, exceptId ? sql`${milestones.id} <> ${exceptId}` : undefined));
  return row;
}
