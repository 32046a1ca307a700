import { and, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/db/client';
import { logAction } from '@/db/queries/integration-logs';
import type { IntegrationWithProvider } from '@/db/queries/integrations';
import { externalTaskMappings, integrationWebhooks, taskSyncEvents } from '@/db/schema';
import { externalUrlSchema } from '@/lib/safe-external-url';
import { parseWebhookPayload } from '@/lib/webhooks/errors';
import type { IntegrationConnection } from '../types';
import { createGithubClient, parseRepo } from './client';
import { createMemberMatcher, githubIssueSchema } from './map-fields';
import { planIssue } from './plan-issue';
import { pushPlans } from './push-issue';
import { readIssueLinks } from './read-links';
import { githubSettingsSchema } from './schema';
import { clientDefaults } from './sync-issues';
import { unlinkIssue } from './unlink-issue';
import { writeIssuePlans } from './write-issues';

export type GithubEvent = { eventType: string; action: string | null; payload: unknown };
type Target = { db: Db; integration: IntegrationWithProvider; loadConnection: () => Promise<IntegrationConnection> };

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
  comment: z.object({ id: z.number(), body: z.string().nullish(), html_url: externalUrlSchema('a GitHub comment html_url'), updated_at: z.string(), user: z.object({ login: z.string() }) }),
});
const pullPayloadSchema = z.object({
  action: z.string(),
  pull_request: z.object({ id: z.number(), number: z.number(), title: z.string(), body: z.string().nullish(), html_url: externalUrlSchema('a GitHub pull request html_url'), merged: z.boolean().nullish() }),
});
const pushPayloadSchema = z.object({ ref: z.string(), commits: z.array(z.unknown()).default([]) });

/**
 * Applies one GitHub webhook event — through the same plan/write path as the import, so an
 * edit on GitHub lands exactly as a sync would land it, and our own writes come back as
 * "not newer" (no echo).
 */
export async function processGithubEvent(t: Target, event: GithubEvent): Promise<Record<string, unknown>> {
  const { db, integration } = t;
  const repoFullName = integration.externalId ?? '';
  const base = { integrationId: integration.id, projectId: integration.projectId, providerId: integration.providerId };
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
      return unlinkIssue(db, base, { externalId }, p.action === 'deleted' ? 'deleted on GitHub' : `transferred to ${moved ?? 'another repository'}`);
    }
    const settings = githubSettingsSchema.parse(integration.settings ?? {});
    const { links, members } = await readIssueLinks(db, { ...base, externalIds: [externalId] });
    const existing = links.get(externalId);
    const names = p.issue.labels.map((l) => (typeof l === 'string' ? l : (l.name ?? '')));
    if (!existing && settings.labelFilter.length && !names.some((n) => settings.labelFilter.includes(n))) return { skipped: 'label filter' };
    if (!existing && (await wasRemoved(db, integration.id, p.issue.id))) return { skipped: 'issue was deleted or transferred' };
    const plan = planIssue(p.issue, existing, { repoFullName, matcher: createMemberMatcher(members), policy: settings.conflictPolicy });
    if (!plan) return { action: p.action, unchanged: true };
    const written = await writeIssuePlans(db, base, [plan]);
    if (Object.keys(plan.toRemote).length || plan.conflicts.length) {
      const octokit = createGithubClient(await t.loadConnection(), clientDefaults());
      await pushPlans(db, base, octokit, parseRepo(repoFullName), [plan]);
    }
    return { action: p.action, taskId: plan.taskId, ...written, fields: plan.changedFields, conflicts: plan.conflicts.length };
  }
  if (event.eventType === 'issue_comment') {
    const p = parseWebhookPayload(commentPayloadSchema, event.payload, `[github] ${event.eventType}`);
    if (p.issue.pull_request) return { skipped: 'pull request comment' };
    const taskId = await taskOf(db, integration.id, String(p.issue.id));
    if (!taskId) return { skipped: 'issue not linked' };
    const verb = p.action === 'created' ? 'commented' : p.action === 'edited' ? 'edited a comment' : 'deleted a comment';
    const rows = await db
      .insert(taskSyncEvents)
      .values({
        taskId, integrationId: integration.id, kind: 'comment', externalActor: p.comment.user.login,
        externalEventId: `comment:${p.comment.id}:${p.action}:${p.comment.updated_at}`,
        summary: `${p.comment.user.login} ${verb} on GitHub`,
        details: { body: (p.comment.body ?? '').slice(0, 4000), url: p.comment.html_url, action: p.action },
      })
      .onConflictDoNothing()
      .returning({ id: taskSyncEvents.id });
    return { taskId, comment: p.action, recorded: rows.length };
  }
  if (event.eventType === 'pull_request') {
    const p = parseWebhookPayload(pullPayloadSchema, event.payload, `[github] ${event.eventType}`);
    const numbers = [...(p.pull_request.body ?? '').matchAll(/\b(?:fix(?:es|ed)?|close[sd]?|resolve[sd]?)\s+#(\d+)/gi)].map((m) => Number(m[1]));
    const linked: string[] = [];
    for (const n of new Set(numbers)) {
      const [m] = await db
        .select({ taskId: externalTaskMappings.taskId })
        .from(externalTaskMappings)
        .where(and(eq(externalTaskMappings.integrationId, integration.id), eq(externalTaskMappings.externalKey, `${repoFullName}#${n}`)));
      if (!m) continue;
      await db
        .insert(taskSyncEvents)
        .values({
          taskId: m.taskId, integrationId: integration.id, kind: 'linked_pr', externalEventId: `pr:${p.pull_request.id}:${n}`,
          summary: `Pull request #${p.pull_request.number} "${p.pull_request.title}" fixes this task`,
          details: { url: p.pull_request.html_url, number: p.pull_request.number },
        })
        .onConflictDoNothing();
      linked.push(m.taskId);
    }
    await logAction(db, { actionType: 'webhook', status: 'info', ...pick(base), description: `[github] pull_request ${p.action} #${p.pull_request.number}${linked.length ? `, linked to ${linked.length} task(s)` : ''}.` });
    return { pullRequest: p.pull_request.number, action: p.action, linkedTasks: linked };
  }
  if (event.eventType === 'push') {
    const p = parseWebhookPayload(pushPayloadSchema, event.payload, '[github] push');
    await logAction(db, { actionType: 'webhook', status: 'info', ...pick(base), description: `[github] push to ${p.ref}: ${p.commits.length} commit(s).` });
    return { ref: p.ref, commits: p.commits.length };
  }
  return { ignored: event.eventType };
}

const pick = (b: { integrationId: string; providerId: string }) => ({ integrationId: b.integrationId, providerId: b.providerId });

async function taskOf(db: Db, integrationId: string, externalId: string): Promise<string | undefined> {
  const [m] = await db
    .select({ taskId: externalTaskMappings.taskId })
    .from(externalTaskMappings)
    .where(and(eq(externalTaskMappings.integrationId, integrationId), eq(externalTaskMappings.externalId, externalId)));
  return m?.taskId;
}

/**
 * Webhooks arrive out of order: an `opened` or `edited` delivered after the issue's
 * `deleted`/`transferred` must not import a task for an issue that is gone (the sync never
 * lists it again, so nothing would ever unlink that task).
 */
async function wasRemoved(db: Db, integrationId: string, issueId: number): Promise<boolean> {
  const [row] = await db
    .select({ id: integrationWebhooks.id })
    .from(integrationWebhooks)
    .where(and(
      eq(integrationWebhooks.integrationId, integrationId), eq(integrationWebhooks.eventType, 'issues'),
      inArray(integrationWebhooks.eventAction, ['deleted', 'transferred']),
      sql`${integrationWebhooks.payload} -> 'issue' ->> 'id' = ${String(issueId)}`,
    ))
    .limit(1);
  return Boolean(row);
}
