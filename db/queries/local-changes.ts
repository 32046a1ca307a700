import { and, asc, eq, gt, lt, lte, or, sql } from 'drizzle-orm';
import type { LocalChange } from '@/lib/integrations/contract/changes';
import type { DbOrTx } from '../client';
import { type LocalChangeRow, localChanges } from '../schema';

/** A change as it is recorded: everything but the id and the time, which the row gets. */
export type NewLocalChange = Omit<LocalChange, 'id' | 'occurredAt'>;

export function toLocalChange(row: LocalChangeRow): LocalChange {
  return {
    id: row.id,
    kind: row.kind as LocalChange['kind'],
    projectId: row.projectId,
    taskId: row.taskId,
    milestoneId: row.milestoneId,
    fields: row.fields,
    ...(row.before ? { before: row.before } : {}),
    ...(row.after ? { after: row.after } : {}),
    actorUserId: row.actorUserId,
    originIntegrationId: row.originIntegrationId,
    occurredAt: row.occurredAt.toISOString(),
  };
}

/** Writes the outbox row; call it inside the transaction that makes the change. */
export async function insertLocalChange(tx: DbOrTx, change: NewLocalChange, now = new Date()): Promise<LocalChange> {
  const [row] = await tx
    .insert(localChanges)
    .values({ ...change, status: 'pending', nextAttemptAt: now, occurredAt: now })
    .returning();
  return toLocalChange(row!);
}

/**
 * Claims a change for one fan-out: a pending one that is due, or a running one whose lease
 * lapsed (its process died). Two dispatches of the same change: only one gets it.
 */
export async function claimLocalChange(db: DbOrTx, id: string, now: Date, leaseMs: number): Promise<LocalChangeRow | undefined> {
  const [row] = await db
    .update(localChanges)
    .set({ status: 'running', attempts: sql`${localChanges.attempts} + 1`, leaseUntil: new Date(now.getTime() + leaseMs) })
    .where(
      and(
        eq(localChanges.id, id),
        or(
          and(eq(localChanges.status, 'pending'), lte(localChanges.nextAttemptAt, now)),
          and(eq(localChanges.status, 'running'), lt(localChanges.leaseUntil, now)),
        ),
      ),
    )
    .returning();
  return row;
}

/** A target finished: recorded at once, so a retry (or a crash after it) never runs it again. */
export async function markTargetDone(db: DbOrTx, id: string, target: string): Promise<void> {
  await db
    .update(localChanges)
    .set({ doneTargets: sql`array_append(${localChanges.doneTargets}, ${target})` })
    .where(eq(localChanges.id, id));
}

export async function finishLocalChange(db: DbOrTx, id: string, now: Date): Promise<void> {
  await db
    .update(localChanges)
    .set({ status: 'done', leaseUntil: null, lastError: null, finishedAt: now })
    .where(eq(localChanges.id, id));
}

/** Some target failed: pending again from `nextAttemptAt`, or failed for good (`nextAttemptAt` null). */
export async function retryLocalChange(db: DbOrTx, id: string, error: string, nextAttemptAt: Date | null, now: Date): Promise<void> {
  await db
    .update(localChanges)
    .set(
      nextAttemptAt
        ? { status: 'pending', leaseUntil: null, lastError: error, nextAttemptAt }
        : { status: 'failed', leaseUntil: null, lastError: error, finishedAt: now },
    )
    .where(eq(localChanges.id, id));
}

/**
 * What the sweep hands out again: pending changes due (a first attempt only once it has
 * waited `firstAttemptGraceMs`, since its own dispatch normally takes it) and running ones
 * whose lease lapsed.
 */
export async function listSweepableLocalChanges(db: DbOrTx, now: Date, firstAttemptGraceMs: number, limit = 100): Promise<LocalChangeRow[]> {
  return db
    .select()
    .from(localChanges)
    .where(
      or(
        and(
          eq(localChanges.status, 'pending'),
          or(
            and(eq(localChanges.attempts, 0), lte(localChanges.nextAttemptAt, new Date(now.getTime() - firstAttemptGraceMs))),
            and(gt(localChanges.attempts, 0), lte(localChanges.nextAttemptAt, now)),
          ),
        ),
        and(eq(localChanges.status, 'running'), lt(localChanges.leaseUntil, now)),
      ),
    )
    .orderBy(asc(localChanges.nextAttemptAt))
    .limit(limit);
}

export async function getLocalChange(db: DbOrTx, id: string): Promise<LocalChangeRow | undefined> {
  const [row] = await db.select().from(localChanges).where(eq(localChanges.id, id));
  return row;
}
