import { z } from 'zod';
import type { TaskStatus } from '@/db/schema';
import { externalUrlSchema } from '@/lib/safe-external-url';

/** The parts of a GitHub issue Taskbridge reads, from the REST API or a webhook payload. */
export const githubIssueSchema = z.object({
  id: z.number(),
  number: z.number(),
  title: z.string(),
  body: z.string().nullish(),
  state: z.enum(['open', 'closed']),
  state_reason: z.string().nullish(),
  html_url: externalUrlSchema('a GitHub issue html_url'),
  updated_at: z.string(),
  labels: z.array(z.union([z.string(), z.object({ name: z.string().nullish() })])).default([]),
  assignees: z.array(z.object({ login: z.string() })).nullish(),
  milestone: z
    .object({ id: z.number(), number: z.number().optional(), title: z.string(), description: z.string().nullish(), due_on: z.string().nullish() })
    .nullish(),
  pull_request: z.unknown().optional(),
});
export type GithubIssue = z.infer<typeof githubIssueSchema>;

/** GitHub's side of the status, finer than open/closed: closed as completed vs not planned. */
export type IssueState = 'open' | 'completed' | 'not_planned';

/**
 * The synced fields in GitHub's terms. Both sides are compared in these terms, and the
 * mapping's snapshot (the base of the three-way merge) stores them.
 */
export type SyncedFields = {
  title: string;
  body: string;
  state: IssueState;
  labels: string[];
  assignees: string[];
};
export const syncedFieldNames = ['title', 'body', 'state', 'labels', 'assignees'] as const;

const sorted = (values: Iterable<string>) => [...new Set(values)].sort((a, b) => a.localeCompare(b));

/** Why: GitHub closes issues as completed or not planned; both map to distinct task statuses. */
export function issueState(issue: Pick<GithubIssue, 'state' | 'state_reason'>): IssueState {
  if (issue.state === 'open') return 'open';
  return issue.state_reason === 'not_planned' ? 'not_planned' : 'completed';
}

export function issueFields(issue: GithubIssue): SyncedFields {
  return {
    title: issue.title,
    body: issue.body ?? '',
    state: issueState(issue),
    labels: sorted(issue.labels.map((l) => (typeof l === 'string' ? l : (l.name ?? ''))).filter(Boolean)),
    assignees: sorted((issue.assignees ?? []).map((a) => a.login)),
  };
}

/** open → todo (in_progress stays in_progress while the issue is open), closed → done/cancelled. */
export function stateToStatus(state: IssueState, current?: TaskStatus): TaskStatus {
  if (state === 'open') return current === 'in_progress' ? 'in_progress' : 'todo';
  return state === 'completed' ? 'done' : 'cancelled';
}

export function statusToState(status: TaskStatus): IssueState {
  if (status === 'done') return 'completed';
  if (status === 'cancelled') return 'not_planned';
  return 'open';
}

/** A project member as the matcher sees them. */
export type MemberIdentity = { id: string; name: string | null; email: string };

/**
 * Matches GitHub logins to project members: by name or by the local part of the email,
 * case-insensitively. Unmatched logins stay external assignees.
 */
export function createMemberMatcher(members: MemberIdentity[]) {
  const byLogin = new Map<string, string>();
  const loginOf = new Map<string, string>();
  for (const m of members) {
    for (const key of [m.name, m.email.split('@')[0]]) {
      if (key && /^[a-z\d](?:[a-z\d-]{0,38})$/i.test(key) && !byLogin.has(key.toLowerCase())) {
        byLogin.set(key.toLowerCase(), m.id);
        if (!loginOf.has(m.id)) loginOf.set(m.id, key);
      }
    }
  }
  return {
    /** Logins → member ids and the logins that stay external. */
    split(logins: string[]): { assigneeIds: string[]; externalAssignees: string[] } {
      const assigneeIds: string[] = [];
      const externalAssignees: string[] = [];
      for (const login of logins) {
        const id = byLogin.get(login.toLowerCase());
        if (id) assigneeIds.push(id);
        else externalAssignees.push(login);
      }
      return { assigneeIds, externalAssignees };
    },
    /** A task's assignees as GitHub logins (members without a matching login are not sent). */
    logins(assigneeIds: string[], externalAssignees: string[]): string[] {
      const fromMembers = assigneeIds.map((id) => loginOf.get(id)).filter((l): l is string => Boolean(l));
      return sorted([...fromMembers, ...externalAssignees]);
    },
  };
}
export type MemberMatcher = ReturnType<typeof createMemberMatcher>;

/** The task's side in GitHub terms, for the merge and for export. */
export function taskFields(
  task: { title: string; description: string; status: TaskStatus; labels: string[]; assigneeIds: string[]; externalAssignees: string[] },
  matcher: MemberMatcher,
): SyncedFields {
  return {
    title: task.title,
    body: task.description,
    state: statusToState(task.status),
    labels: sorted(task.labels),
    assignees: matcher.logins(task.assigneeIds, task.externalAssignees),
  };
}

/** The REST body that writes these fields to an issue (POST or PATCH). */
export function issuePatch(fields: Partial<SyncedFields>): Record<string, unknown> {
  const patch: Record<string, unknown> = {};
  if (fields.title !== undefined) patch.title = fields.title;
  if (fields.body !== undefined) patch.body = fields.body;
  if (fields.labels !== undefined) patch.labels = fields.labels;
  if (fields.assignees !== undefined) patch.assignees = fields.assignees;
  if (fields.state !== undefined) {
    patch.state = fields.state === 'open' ? 'open' : 'closed';
    if (fields.state !== 'open') patch.state_reason = fields.state;
  }
  return patch;
}

/** Reads a snapshot back (it is jsonb); a missing or foreign snapshot yields null (no base). */
export function readSnapshot(value: unknown): SyncedFields | null {
  const v = value as Partial<SyncedFields> | null;
  if (!v || typeof v.title !== 'string' || !Array.isArray(v.labels) || !Array.isArray(v.assignees)) return null;
  return { title: v.title, body: v.body ?? '', state: v.state ?? 'open', labels: v.labels, assignees: v.assignees };
}
