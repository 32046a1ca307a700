import { z } from 'zod';
import type { Db } from '@/db/client';
import { deleteSyncedComment, upsertSyncedComment } from '@/db/queries/comments';
import { logAction } from '@/db/queries/integration-logs';
import { hasRemovalDelivery } from '@/db/queries/webhook-deliveries';
import { externalUrlSchema } from '@/lib/safe-external-url';
import { parseWebhookPayload } from '../kit/payload';
import type { InboundContext } from '../types';
import { githubIssueSchema } from './map-fields';

export type GithubEvent = { eventType: string; action: string | null; payload: unknown };

const repositorySchema = z.object({ repository: z.object({ full_name: z.string() }).nullish() });
const issuesPayloadSchema = z.object({
  action: z.string(),
  issue: githubIssueSchema,
  changes: z.object({ new_issue: z.object({ number: z.number() }).optional(), new_repository: z.object({ full_name: z.string() }).optional() }).partial().optional(),
  sender: z.object({ login: z.string() }).optional(),
});
const commentPayloadSchema = z.object({
  action: z.string(),
  issue: z.object({ id: z.number(), pull_request: z.unknown().optional() }),
  comment: z.object({
    id: z.number(), body: z.string().nullish(), html_url: externalUrlSchema('a GitHub comment html_url'),
    created_at: z.string().optional(), updated_at: z.string(), user: z.object({ login: z.string() }),
  }),
});
const pullPayloadSchema = z.object({
  action: z.string(),
  pull_request: z.object({ id: z.number(), number: z.number(), title: z.string(), body: z.string().nullish(), html_url: externalUrlSchema('a GitHub pull request html_url'), merged: z.boolean().nullish() }),
});
const pushPayloadSchema = z.object({ ref: z.string(), commits: z.array(z.unknown()).default([]) });

/**
 * Applies one GitHub webhook event. Issues go through the task-sync engine (`ctx.items`), the
 * same path as the import, so an edit on GitHub lands exactly as a sync would land it, and our
 * own writes come back as "not newer" (no echo).
 */
export async function processGithubEvent(ctx: InboundContext, event: GithubEvent): Promise<Record<string, unknown>> {
  const { db, integration } = ctx;
  const items = ctx.items;
  if (!items) throw new Error('[github] processing needs the task-sync engine (inboundContext)');
  const repoFullName = integration.externalId ?? '';
  const base = { integrationId: integration.id, providerId: integration.providerId };
  if (event.eventType === 'ping') return { ping: true };
  // A hook on an org, or a secret reused on another repo, delivers events of other
  // repositories: importing them would link (and later edit) the wrong issue numbers.
  const source = repositorySchema.safeParse(event.payload);
  const from = source.success ? source.data.repository?.full_name : undefined;
  if (from && from.toLowerCase() !== repoFullName.toLowerCase()) {
    return { skipped: `event from ${from}, not ${repoFullName}` };
  }
  if (event.eventType === 'issues') {
    const p = parseWebhookPayload(issuesPayloadSchema, event.payload, `[github] ${event.eventType}`);
    const externalId = String(p.issue.id);
    if (p.action === 'deleted' || p.action === 'transferred') {
      const moved = p.changes?.new_repository && p.changes.new_issue ? `${p.changes.new_repository.full_name}#${p.changes.new_issue.number}` : null;
      return items.unlink(externalId, p.action === 'deleted' ? 'deleted on GitHub' : `transferred to ${moved ?? 'another repository'}`);
    }
    const result = await items.apply(p.issue, { isRemoved: () => wasRemoved(db, integration.id, { eventType: 'issues', object: 'issue', id: p.issue.id }) });
    return { action: p.action, ...result };
  }
  if (event.eventType === 'issue_comment') {
    const p = parseWebhookPayload(commentPayloadSchema, event.payload, `[github] ${event.eventType}`);
    if (p.issue.pull_request) return { skipped: 'pull request comment' };
    const taskId = await items.taskOf({ externalId: String(p.issue.id) });
    if (!taskId) return { skipped: 'issue not linked' };
    const verb = p.action === 'created' ? 'commented' : p.action === 'edited' ? 'edited a comment' : 'deleted a comment';
    // The task's conversation shows it "on GitHub"; a deletion (even one delivered first) removes it.
    const commentId = String(p.comment.id);
    if (p.action === 'deleted') await deleteSyncedComment(db, integration.id, commentId);
    else if (!(await wasRemoved(db, integration.id, { eventType: 'issue_comment', object: 'comment', id: p.comment.id }))) {
      await upsertSyncedComment(db, {
        taskId, sourceIntegrationId: integration.id, externalId: commentId, externalAuthor: p.comment.user.login,
        externalUrl: p.comment.html_url, body: p.comment.body ?? '', writtenAt: new Date(p.comment.created_at ?? p.comment.updated_at),
      });
    }
    const recorded = await items.record({
      taskId, kind: 'comment', externalActor: p.comment.user.login,
      externalEventId: `comment:${p.comment.id}:${p.action}:${p.comment.updated_at}`,
      summary: `${p.comment.user.login} ${verb} on GitHub`,
      details: { body: (p.comment.body ?? '').slice(0, 4000), url: p.comment.html_url, action: p.action },
    });
    return { taskId, comment: p.action, recorded };
  }
  if (event.eventType === 'pull_request') {
    const p = parseWebhookPayload(pullPayloadSchema, event.payload, `[github] ${event.eventType}`);
    const numbers = [...(p.pull_request.body ?? '').matchAll(/\b(?:fix(?:es|ed)?|close[sd]?|resolve[sd]?)\s+#(\d+)/gi)].map((m) => Number(m[1]));
    const linked: string[] = [];
    for (const n of new Set(numbers)) {
      const taskId = await items.taskOf({ externalKey: `${repoFullName}#${n}` });
      if (!taskId) continue;
      await items.record({
        taskId, kind: 'linked_pr', externalEventId: `pr:${p.pull_request.id}:${n}`,
        summary: `Pull request #${p.pull_request.number} "${p.pull_request.title}" fixes this task`,
        details: { url: p.pull_request.html_url, number: p.pull_request.number },
      });
      linked.push(taskId);
    }
    await logAction(db, { actionType: 'webhook', status: 'info', ...base, description: `[github] pull_request ${p.action} #${p.pull_request.number}${linked.length ? `, linked to ${linked.length} task(s)` : ''}.` });
    return { pullRequest: p.pull_request.number, action: p.action, linkedTasks: linked };
  }
  if (event.eventType === 'push') {
    const p = parseWebhookPayload(pushPayloadSchema, event.payload, '[github] push');
    await logAction(db, { actionType: 'webhook', status: 'info', ...base, description: `[github] push to ${p.ref}: ${p.commits.length} commit(s).` });
    return { ref: p.ref, commits: p.commits.length };
  }
  return { ignored: event.eventType };
}

/**
 * Webhooks arrive out of order: an `opened` or `edited` delivered after the issue's
 * `deleted`/`transferred` must not import a task for an issue that is gone (the sync never
 * lists it again, so nothing would ever unlink that task); likewise a comment's.
 */
async function wasRemoved(db: Db, integrationId: string, of: { eventType: 'issues' | 'issue_comment'; object: 'issue' | 'comment'; id: number }): Promise<boolean> {
  return hasRemovalDelivery(db, integrationId, of);
}
