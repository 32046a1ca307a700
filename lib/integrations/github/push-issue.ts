import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { faultPoint } from '@/lib/sync/fault-points';
import { logAction } from '@/db/queries/integration-logs';
import { externalTaskMappings, taskSyncEvents } from '@/db/schema';
import { type GithubClient, translateGithubError } from './client';
import { githubIssueSchema, issueFields, issuePatch, syncedFieldNames, type SyncedFields } from './map-fields';
import type { IssuePlan } from './plan-issue';
import { isGone, unlinkIssue } from './unlink-issue';

type Target = { integrationId: string; projectId: string; providerId: string };
type Repo = { owner: string; repo: string };

/**
 * Writes fields to an issue and records GitHub's answer as the new base: snapshot = what
 * both sides now hold, external updated_at = the issue's updated_at after our write. That
 * timestamp is what makes the webhook and the next sync see our own write as "not newer"
 * (no echo).
 */
export async function pushFields(
  db: DbOrTx,
  target: Target,
  octokit: GithubClient,
  repo: Repo,
  link: { taskId: string; externalKey: string; snapshot: Record<string, unknown> },
  fields: Partial<SyncedFields>,
): Promise<{ updatedAt: string } | null> {
  const number = Number(link.externalKey.split('#').pop());
  let data;
  try {
    ({ data } = await octokit.request('PATCH /repos/{owner}/{repo}/issues/{issue_number}', {
      ...repo, issue_number: number, ...issuePatch(fields),
    }));
  } catch (err) {
    if (isGone(err)) {
      await unlinkIssue(db, target, { taskId: link.taskId }, 'deleted on GitHub');
      return null;
    }
    translateGithubError(err);
  }
  faultPoint('push.sent');
  const issue = githubIssueSchema.parse(data);
  const known: Record<string, unknown> = { ...link.snapshot, ...fields };
  const answer: Record<string, unknown> = { ...issueFields(issue), milestone: issue.milestone ? String(issue.milestone.id) : null };
  // Someone edited the issue between our read and this write: GitHub's answer holds their
  // change, and its webhook is older than this answer. Keep the old external updated_at so
  // that webhook (or the next sync) still merges it; otherwise it would be skipped as stale.
  const onlyOurs = [...syncedFieldNames, 'milestone'].every((f) => JSON.stringify(answer[f] ?? null) === JSON.stringify(known[f] ?? null));
  await db
    .update(externalTaskMappings)
    .set({
      // merged into the stored snapshot, not the one read before the PATCH: a webhook may have moved it meanwhile
      snapshot: sql`${externalTaskMappings.snapshot} || ${JSON.stringify(fields)}::jsonb`,
      ...(onlyOurs ? { externalUpdatedAt: new Date(issue.updated_at) } : {}),
      lastSyncedAt: new Date(),
      updatedAt: new Date(),
    })
    .where(and(eq(externalTaskMappings.integrationId, target.integrationId), eq(externalTaskMappings.taskId, link.taskId)));
  const names = Object.keys(fields);
  await db.insert(taskSyncEvents).values({
    taskId: link.taskId,
    integrationId: target.integrationId,
    kind: 'pushed',
    summary: `Sent to GitHub ${link.externalKey}: ${names.join(', ')}`,
    details: { fields: names },
  });
  await logAction(db, {
    actionType: 'export',
    providerId: target.providerId,
    integrationId: target.integrationId,
    description: `[github] Updated ${link.externalKey}: ${names.join(', ')}.`,
    details: { taskId: link.taskId, fields: names },
  });
  return { updatedAt: issue.updated_at };
}

/** After a page or a webhook: send what the merge kept from Taskbridge, and log conflicts. */
export async function pushPlans(db: DbOrTx, target: Target, octokit: GithubClient, repo: Repo, plans: IssuePlan[]) {
  for (const plan of plans) {
    if (plan.conflicts.length) {
      await logAction(db, {
        actionType: 'sync',
        status: 'warning',
        providerId: target.providerId,
        integrationId: target.integrationId,
        description: `[github] Conflict on ${plan.externalKey}: ${plan.conflicts
          .map((c) => `${c.field} → ${c.winner === 'local' ? 'Taskbridge' : 'GitHub'} kept`)
          .join(', ')} (${plan.conflicts[0]!.policy} policy).`,
        details: { taskId: plan.taskId, conflicts: plan.conflicts.map((c) => ({ field: c.field, winner: c.winner, policy: c.policy })) },
      });
    }
    if (Object.keys(plan.toRemote).length === 0) continue;
    await pushFields(db, target, octokit, repo, { taskId: plan.taskId, externalKey: plan.externalKey, snapshot: plan.snapshot }, plan.toRemote);
  }
}
