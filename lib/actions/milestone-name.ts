import type { DbOrTx } from '@/db/client';
import { findMilestoneByTitle } from '@/db/queries/milestones';
import { AppError } from '@/lib/errors';

const duplicate = () => new AppError('conflict', 'A milestone with this name already exists in this project.', 'title');

/** Postgres unique_violation, thrown directly (PGlite) or wrapped by drizzle (cause). */
function isUniqueViolation(err: unknown): boolean {
  for (let e: unknown = err, depth = 0; e && depth < 3; e = (e as { cause?: unknown }).cause, depth++) {
    if ((e as { code?: unknown }).code === '23505') return true;
  }
  return false;
}

/**
 * Milestone names are unique per project, ignoring case: a clear field error up front, and
 * the unique index (milestones_project_title_key) answers the same when two saves race.
 */
export async function withUniqueMilestoneName<T>(
  db: DbOrTx,
  projectId: string,
  title: string | undefined,
  exceptId: string | undefined,
  write: () => Promise<T>,
): Promise<T> {
  if (title !== undefined && (await findMilestoneByTitle(db, projectId, title, exceptId))) throw duplicate();
  try {
    return await write();
  } catch (err) {
    if (isUniqueViolation(err)) throw duplicate();
    throw err;
  }
}
