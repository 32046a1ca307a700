import { and, eq } from 'drizzle-orm';
import { logAction } from '@/db/queries/integration-logs';
import { externalTaskMappings, tasks, taskSyncEvents } from '@/db/schema';
import { AppError } from '@/lib/errors';
import type { TaskSyncContext } from '../types';
import { createGithubClient, parseRepo, translateGithubError } from './client';
import { createMemberMatcher, githubIssueSchema, issueFields, issuePatch, taskFields } from './map-fields';
import { planIssue } from './plan-issue';
import { pushPlans } from './push-issue';
import { readIssueLinks } from './read-links';
import { githubSettingsSchema } from './schema';
import { isGone, unlinkIssue } from './unlink-issue';
import { clientDefaults } from './sync-issues';
import { writeIssuePlans } from './write-issues';

/** The task, only if it belongs to the integration's project (tenant check). */
async function loadTask(ctx: TaskSyncContext) {
  const [task] = await ctx.db
    .select()
    .from(tasks)
    .where(and(eq(tasks.id, ctx.taskId), eq(tasks.projectId, ctx.integration.projectId)));
  if (!task) throw new AppError('not_found', 'Task not found in this project.', 'taskId');
  return task;
}

/**
 * "Create GitHub issue": POSTs the task as an issue and links them. The snapshot is what
 * GitHub now holds and external updated_at is the new issue's, so the `issues.opened`
 * webhook that follows is recognised as our own write.
 */
export async function exportGithubTask(ctx: TaskSyncContext) {
  const task = await loadTask(ctx);
  const [existing] = await ctx.db
    .select()
    .from(externalTaskMappings)
    .where(and(eq(externalTaskMappings.taskId, task.id), eq(externalTaskMappings.integrationId, ctx.integration.id)));
  if (existing) return { externalKey: existing.externalKey ?? '', externalUrl: existing.externalUrl, created: false };
  const repo = parseRepo(ctx.integration.externalId);
  const { members } = await readIssueLinks(ctx.db, { integrationId: ctx.integration.id, projectId: task.projectId, externalIds: [] });
  const fields = taskFields(task, createMemberMatcher(members));
  const octokit = createGithubClient(ctx.connection, clientDefaults());
  const { state: _state, ...createBody } = issuePatch(fields);
  let issue;
  let createdAt = '';
  try {
    const created = await octokit.request('POST /repos/{owner}/{repo}/issues', { ...repo, ...createBody, title: fields.title } as never);
    issue = githubIssueSchema.parse(created.data);
    createdAt = issue.updated_at;
    if (fields.state !== 'open') {
      const closed = await octokit.request('PATCH /repos/{owner}/{repo}/issues/{issue_number}', { ...repo, issue_number: issue.number, ...issuePatch({ state: fields.state }) });
      issue = githubIssueSchema.parse(closed.data);
    }
  } catch (err) {
    translateGithubError(err);
  }
  const externalKey = `${repo.owner}/${repo.repo}#${issue.number}`;
  // Someone edited the new issue before our close landed: keep the creation time, so that edit's webhook is not stale.
  const onlyOurs = JSON.stringify(issueFields(issue)) === JSON.stringify(fields);
  const inserted = await ctx.db
    .insert(externalTaskMappings)
    .values({
      taskId: task.id, integrationId: ctx.integration.id, externalId: String(issue.id), externalKey, externalUrl: issue.html_url,
      externalUpdatedAt: new Date(onlyOurs ? issue.updated_at : createdAt), snapshot: { ...fields, milestone: null }, lastSyncedAt: new Date(),
    })
    .onConflictDoNothing()
    .returning({ id: externalTaskMappings.id });
  if (inserted.length === 0) throw new AppError('conflict', 'This task was linked to GitHub at the same time by someone else.');
  await ctx.db.insert(taskSyncEvents).values({ taskId: task.id, integrationId: ctx.integration.id, kind: 'exported', summary: `Created GitHub issue ${externalKey}`, details: { url: issue.html_url } });
  await logAction(ctx.db, {
    actionType: 'export', providerId: ctx.integration.providerId, integrationId: ctx.integration.id,
    description: `[github] Created ${externalKey} from a task.`, details: { taskId: task.id, url: issue.html_url },
  });
  return { externalKey, externalUrl: issue.html_url, created: true };
}

/**
 * Sends a task's edits to its issue: reads the issue (one GET), merges per field against
 * the snapshot — GitHub-only changes come in, Taskbridge-only changes go out, both-changed
 * is settled by the conflict policy and recorded — then PATCHes only what GitHub lacks.
 */
export async function pushGithubTask(ctx: TaskSyncContext) {
  const task = await loadTask(ctx);
  const [mapping] = await ctx.db
    .select()
    .from(externalTaskMappings)
    .where(and(eq(externalTaskMappings.taskId, task.id), eq(externalTaskMappings.integrationId, ctx.integration.id), eq(externalTaskMappings.syncEnabled, true)));
  if (!mapping?.externalKey) return { pushed: [], pulled: [], conflicts: 0 };
  const repo = parseRepo(ctx.integration.externalId);
  const octokit = createGithubClient(ctx.connection, clientDefaults());
  let data;
  try {
    ({ data } = await octokit.request('GET /repos/{owner}/{repo}/issues/{issue_number}', { ...repo, issue_number: Number(mapping.externalKey.split('#').pop()) }));
  } catch (err) {
    if (isGone(err)) {
      await unlinkIssue(ctx.db, { integrationId: ctx.integration.id, providerId: ctx.integration.providerId }, { externalId: mapping.externalId }, 'deleted on GitHub');
      return { pushed: [], pulled: [], conflicts: 0, unlinked: true };
    }
    translateGithubError(err);
  }
  const issue = githubIssueSchema.parse(data);
  const target = { integrationId: ctx.integration.id, projectId: task.projectId, providerId: ctx.integration.providerId };
  const { links, members } = await readIssueLinks(ctx.db, { ...target, externalIds: [mapping.externalId] });
  const settings = githubSettingsSchema.parse(ctx.integration.settings ?? {});
  const plan = planIssue(issue, links.get(mapping.externalId), {
    repoFullName: `${repo.owner}/${repo.repo}`, matcher: createMemberMatcher(members), policy: settings.conflictPolicy,
  }, { evenIfNotNewer: true });
  if (!plan) return { pushed: [], pulled: [], conflicts: 0 };
  await writeIssuePlans(ctx.db, target, [plan]);
  await pushPlans(ctx.db, target, octokit, repo, [plan]);
  return { pushed: Object.keys(plan.toRemote), pulled: plan.changedFields, conflicts: plan.conflicts.length };
}
