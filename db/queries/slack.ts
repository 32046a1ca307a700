import { and, eq, lt } from 'drizzle-orm';
import type { DbOrTx } from '../client';
import { slackNotifications, slackTaskMessages, type SlackTaskMessage } from '../schema';

/** A `sending` claim older than this is a crashed attempt: the next retry takes it over. */
const STALE_CLAIM_MS = 2 * 60_000;

/**
 * Claims the right to notify `changeId` on this integration. False when it was sent already
 * or another attempt is sending it right now (a double dispatch).
 */
export async function claimSlackNotification(db: DbOrTx, integrationId: string, changeId: string, now = new Date()): Promise<boolean> {
  const inserted = await db
    .insert(slackNotifications)
    .values({ integrationId, changeId, status: 'sending', claimedAt: now })
    .onConflictDoNothing()
    .returning({ changeId: slackNotifications.changeId });
  if (inserted.length > 0) return true;
  const taken = await db
    .update(slackNotifications)
    .set({ claimedAt: now })
    .where(
      and(
        eq(slackNotifications.integrationId, integrationId),
        eq(slackNotifications.changeId, changeId),
        eq(slackNotifications.status, 'sending'),
        lt(slackNotifications.claimedAt, new Date(now.getTime() - STALE_CLAIM_MS)),
      ),
    )
    .returning({ changeId: slackNotifications.changeId });
  return taken.length > 0;
}

export async function finishSlackNotification(db: DbOrTx, integrationId: string, changeId: string, sent: boolean): Promise<void> {
  const where = and(eq(slackNotifications.integrationId, integrationId), eq(slackNotifications.changeId, changeId));
  if (sent) await db.update(slackNotifications).set({ status: 'sent' }).where(where);
  else await db.delete(slackNotifications).where(where);
}

export async function getSlackTaskMessage(db: DbOrTx, integrationId: string, taskId: string): Promise<SlackTaskMessage | undefined> {
  const [row] = await db
    .select()
    .from(slackTaskMessages)
    .where(and(eq(slackTaskMessages.integrationId, integrationId), eq(slackTaskMessages.taskId, taskId)));
  return row;
}

/** The message that shows a Slack message's task, found from the message (buttons). */
export async function findSlackTaskMessageByTs(db: DbOrTx, integrationId: string, channel: string, ts: string) {
  const [row] = await db
    .select()
    .from(slackTaskMessages)
    .where(and(eq(slackTaskMessages.integrationId, integrationId), eq(slackTaskMessages.channel, channel), eq(slackTaskMessages.ts, ts)));
  return row;
}

export async function saveSlackTaskMessage(db: DbOrTx, integrationId: string, taskId: string, channel: string, ts: string): Promise<void> {
  await db
    .insert(slackTaskMessages)
    .values({ integrationId, taskId, channel, ts })
    .onConflictDoUpdate({ target: [slackTaskMessages.integrationId, slackTaskMessages.taskId], set: { channel, ts, updatedAt: new Date() } });
}

export async function forgetSlackTaskMessage(db: DbOrTx, integrationId: string, taskId: string): Promise<void> {
  await db.delete(slackTaskMessages).where(and(eq(slackTaskMessages.integrationId, integrationId), eq(slackTaskMessages.taskId, taskId)));
}

/**
 * Claims the first post of a task's message (a row with an empty ts), so that two changes of
 * one task notified at once post one message: the loser finds the claim and is retried (then
 * it updates the message). A claim older than STALE_CLAIM_MS (a crash) is taken over.
 */
export async function claimSlackTaskPost(db: DbOrTx, integrationId: string, taskId: string, channel: string, now = new Date()): Promise<boolean> {
  const inserted = await db
    .insert(slackTaskMessages)
    .values({ integrationId, taskId, channel, ts: '', updatedAt: now })
    .onConflictDoNothing()
    .returning({ id: slackTaskMessages.id });
  if (inserted.length > 0) return true;
  const taken = await db
    .update(slackTaskMessages)
    .set({ channel, updatedAt: now })
    .where(
      and(
        eq(slackTaskMessages.integrationId, integrationId),
        eq(slackTaskMessages.taskId, taskId),
        eq(slackTaskMessages.ts, ''),
        lt(slackTaskMessages.updatedAt, new Date(now.getTime() - STALE_CLAIM_MS)),
      ),
    )
    .returning({ id: slackTaskMessages.id });
  return taken.length > 0;
}

/** Gives up a first-post claim that posted nothing. */
export async function releaseSlackTaskPost(db: DbOrTx, integrationId: string, taskId: string): Promise<void> {
  await db
    .delete(slackTaskMessages)
    .where(and(eq(slackTaskMessages.integrationId, integrationId), eq(slackTaskMessages.taskId, taskId), eq(slackTaskMessages.ts, '')));
}
