import examples from '@octokit/webhooks-examples';

/** GitHub's own issue payload (from @octokit/webhooks-examples), the template for every fake issue. */
const issuesEvent = examples.find((e) => e.name === 'issues')!;
const template = issuesEvent.examples.find((e) => (e as { action: string }).action === 'opened') as unknown as {
  issue: Record<string, unknown> & { user: GithubUser };
};
export type GithubUser = { login: string; id: number; [k: string]: unknown };
export type FakeLabel = { id: number; name: string; color: string; default: boolean; description: string | null };
export type FakeMilestone = { id: number; number: number; title: string; state: 'open' | 'closed'; due_on: string | null };
export type FakeIssue = Record<string, unknown> & {
  id: number;
  number: number;
  title: string;
  body: string | null;
  state: 'open' | 'closed';
  state_reason: 'completed' | 'not_planned' | 'reopened' | null;
  labels: FakeLabel[];
  assignees: GithubUser[];
  assignee: GithubUser | null;
  milestone: FakeMilestone | null;
  updated_at: string;
  created_at: string;
  closed_at: string | null;
  pull_request?: Record<string, string>;
};
export type FakeHook = { id: number; name: 'web'; active: boolean; events: string[]; config: Record<string, string> };
export type FakeRepo = {
  owner: string;
  name: string;
  id: number;
  issues: FakeIssue[];
  byNumber: Map<number, FakeIssue>;
  hooks: FakeHook[];
  /** Milestones created through the API (issues may also carry milestones set by hand). */
  milestones: FakeMilestone[];
  deleted: Set<number>;
};

let nextId = 5_000_000_000;
/** GitHub timestamps: ISO 8601, second precision, Z. */
export const isoSeconds = (ms: number) => new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');

export function fakeUser(login: string): GithubUser {
  return { ...template.issue.user, login, id: 1000 + [...login].reduce((a, c) => a * 31 + c.charCodeAt(0), 7) % 9_000_000 };
}

export function createRepo(fullName: string): FakeRepo {
  const [owner, name] = fullName.split('/') as [string, string];
  return { owner, name, id: nextId++, issues: [], byNumber: new Map(), hooks: [], milestones: [], deleted: new Set() };
}

/** A new issue in the shape GitHub returns it, numbered after the repo's last one. */
export function buildIssue(
  repo: FakeRepo,
  apiBase: string,
  fields: { title: string; body?: string | null; labels?: string[]; assignees?: string[]; milestone?: FakeMilestone | null; updatedAt: string; pullRequest?: boolean },
): FakeIssue {
  const number = repo.issues.length + 1;
  const api = `${apiBase}/repos/${repo.owner}/${repo.name}`;
  const html = `https://github.com/${repo.owner}/${repo.name}`;
  const assignees = (fields.assignees ?? []).map(fakeUser);
  const issue: FakeIssue = {
    ...template.issue,
    url: `${api}/issues/${number}`,
    repository_url: api,
    labels_url: `${api}/issues/${number}/labels{/name}`,
    comments_url: `${api}/issues/${number}/comments`,
    events_url: `${api}/issues/${number}/events`,
    html_url: `${html}/issues/${number}`,
    id: nextId++,
    node_id: `I_fake${number}`,
    number,
    title: fields.title,
    body: fields.body ?? null,
    state: 'open',
    state_reason: null,
    labels: (fields.labels ?? []).map(toLabel),
    assignees,
    assignee: assignees[0] ?? null,
    milestone: fields.milestone ?? null,
    comments: 0,
    created_at: fields.updatedAt,
    updated_at: fields.updatedAt,
    closed_at: null,
  };
  if (fields.pullRequest) issue.pull_request = { url: `${api}/pulls/${number}`, html_url: `${html}/pull/${number}` };
  repo.issues.push(issue);
  repo.byNumber.set(number, issue);
  return issue;
}

export function toLabel(name: string): FakeLabel {
  return { id: 1_000_000 + [...name].reduce((a, c) => a * 31 + c.charCodeAt(0), 3) % 9_000_000, name, color: 'd73a4a', default: false, description: null };
}

/** Applies a PATCH/POST body the way GitHub does (state + state_reason, label names, assignee logins). */
export function applyIssuePatch(issue: FakeIssue, patch: Record<string, unknown>, updatedAt: string): void {
  if (typeof patch.title === 'string') issue.title = patch.title;
  if ('body' in patch) issue.body = (patch.body as string | null) ?? null;
  if (Array.isArray(patch.labels)) {
    issue.labels = patch.labels.map((l) => toLabel(typeof l === 'string' ? l : String((l as { name: string }).name)));
  }
  if (Array.isArray(patch.assignees)) {
    issue.assignees = (patch.assignees as string[]).map(fakeUser);
    issue.assignee = issue.assignees[0] ?? null;
  }
  if (patch.state === 'closed' || patch.state === 'open') {
    issue.state = patch.state;
    issue.closed_at = patch.state === 'closed' ? updatedAt : null;
    issue.state_reason =
      patch.state === 'closed' ? ((patch.state_reason as FakeIssue['state_reason']) ?? 'completed') : issue.state_reason ? 'reopened' : null;
  }
  issue.updated_at = updatedAt;
}
