import { ItemGoneError } from '../kit/errors';
import type { IntegrationConnection, ItemRef, SyncMember, TaskSyncCapability } from '../types';
import { githubFor, parseRepo, translateGithubError } from './client';
import {
  createMemberMatcher, type GithubIssue, githubIssueSchema, issueFields, issuePatch, type MemberMatcher, stateToStatus,
  syncedFieldNames, type SyncedFields, taskFields,
} from './map-fields';
import { ensureGithubMilestone, issueMilestone, milestoneNumber } from './milestones';
import { githubSettingsSchema } from './schema';

const matchers = new WeakMap<SyncMember[], MemberMatcher>();
function matcherOf(members: SyncMember[]): MemberMatcher {
  let m = matchers.get(members);
  if (!m) matchers.set(members, (m = createMemberMatcher(members)));
  return m;
}

/** A 410 (deleted issue) is the engine's "gone"; everything else as the sync understands it. */
function rethrow(err: unknown): never {
  if ((err as { status?: number } | null)?.status === 410) throw new ItemGoneError('The issue was deleted on GitHub.');
  translateGithubError(err);
}

const issueNumber = (ref: ItemRef) => Number(ref.externalKey.split('#').pop());

async function patchIssue(connection: IntegrationConnection, number: number, body: Record<string, unknown>): Promise<GithubIssue> {
  const { octokit } = githubFor(connection);
  try {
    const { data } = await octokit.request('PATCH /repos/{owner}/{repo}/issues/{issue_number}', {
      ...parseRepo(connection.externalId), issue_number: number, ...body,
    });
    return githubIssueSchema.parse(data);
  } catch (err) {
    rethrow(err);
  }
}

/** The milestone part of a REST body: GitHub takes the milestone's number. */
async function milestoneBody(connection: IntegrationConnection, milestone: { externalId: string } | null | undefined) {
  if (milestone === undefined) return {};
  return { milestone: milestone ? await milestoneNumber(connection, milestone.externalId) : null };
}

/** Issues ↔ tasks: title, body, state (open/completed/not planned), labels, assignees and the milestone. */
export const githubTaskSync: TaskSyncCapability<GithubIssue, SyncedFields> = {
  itemNoun: 'issue',
  fields: syncedFieldNames,
  taskFields: ['title', 'description', 'status', 'labels', 'assigneeIds', 'milestoneId'],
  options(settings) {
    const s = githubSettingsSchema.parse(settings ?? {});
    const names = (i: GithubIssue) => i.labels.map((l) => (typeof l === 'string' ? l : (l.name ?? '')));
    return { conflictPolicy: s.conflictPolicy, accepts: s.labelFilter.length ? (i) => names(i).some((n) => s.labelFilter.includes(n)) : undefined };
  },
  pull: (connection, cursor) => import('./pull-issues').then((m) => m.pullIssues(connection, cursor)),
  identify: (issue, scope) => ({
    externalId: String(issue.id),
    externalKey: `${scope.externalId ?? ''}#${issue.number}`,
    url: issue.html_url,
    updatedAt: issue.updated_at,
    skip: issue.pull_request !== undefined && issue.pull_request !== null,
  }),
  toFields: (issue) => issueFields(issue),
  fromTask: (task, map) => taskFields(task, matcherOf(map.members)),
  toTask(fields, map, current) {
    const out: ReturnType<TaskSyncCapability['toTask']> = {};
    if (fields.title !== undefined) out.title = fields.title;
    if (fields.body !== undefined) out.description = fields.body;
    if (fields.state !== undefined) out.status = stateToStatus(fields.state, current?.status);
    if (fields.labels !== undefined) out.labels = fields.labels;
    if (fields.assignees !== undefined) Object.assign(out, matcherOf(map.members).split(fields.assignees));
    return out;
  },
  async create(connection, fields, { milestone }) {
    const { octokit } = githubFor(connection);
    const repo = parseRepo(connection.externalId);
    const { state: _state, ...createBody } = issuePatch(fields);
    try {
      const created = await octokit.request('POST /repos/{owner}/{repo}/issues', {
        ...repo, ...createBody, ...(await milestoneBody(connection, milestone ?? undefined)), title: fields.title,
      } as never);
      const issue = githubIssueSchema.parse(created.data);
      if (fields.state === 'open') return { item: issue, createdAt: issue.updated_at };
      return { item: await patchIssue(connection, issue.number, issuePatch({ state: fields.state })), createdAt: issue.updated_at };
    } catch (err) {
      rethrow(err);
    }
  },
  async write(connection, ref, patch) {
    const { milestone, ...fields } = patch;
    return patchIssue(connection, issueNumber(ref), { ...issuePatch(fields), ...(await milestoneBody(connection, milestone)) });
  },
  async fetch(connection, ref) {
    const { octokit } = githubFor(connection);
    try {
      const { data } = await octokit.request('GET /repos/{owner}/{repo}/issues/{issue_number}', { ...parseRepo(connection.externalId), issue_number: issueNumber(ref) });
      return githubIssueSchema.parse(data);
    } catch (err) {
      rethrow(err);
    }
  },
  milestones: { of: issueMilestone, ensure: ensureGithubMilestone },
};
