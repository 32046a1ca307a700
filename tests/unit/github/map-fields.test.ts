import examples from '@octokit/webhooks-examples';
import { describe, expect, it } from 'vitest';
import { createMemberMatcher, githubIssueSchema, issueFields, issuePatch, stateToStatus, statusToState, taskFields } from '@/lib/integrations/github/map-fields';
import { githubTaskSync } from '@/lib/integrations/github/task-sync';
import { planItem } from '@/lib/sync/engine/plan-item';

const realIssue = (action: string) =>
  githubIssueSchema.parse((examples.find((e) => e.name === 'issues')!.examples.find((e) => (e as { action: string }).action === action) as unknown as { issue: unknown }).issue);

describe('GitHub field mapping', () => {
  it('maps a real issues.opened payload to synced fields', () => {
    const issue = realIssue('opened');
    expect(issueFields(issue)).toMatchObject({ title: issue.title, state: 'open', labels: ['bug'], assignees: ['Codertocat'] });
  });

  it('maps state and state_reason both ways', () => {
    expect(stateToStatus('completed')).toBe('done');
    expect(stateToStatus('not_planned')).toBe('cancelled');
    expect(stateToStatus('open')).toBe('todo');
    expect(stateToStatus('open', 'in_progress')).toBe('in_progress');
    expect(statusToState('in_progress')).toBe('open');
    expect(issuePatch({ state: 'not_planned' })).toEqual({ state: 'closed', state_reason: 'not_planned' });
    expect(issuePatch({ state: 'open' })).toEqual({ state: 'open' });
  });

  it('matches assignees to members by name or email, the rest stay external', () => {
    const m = createMemberMatcher([{ id: 'u1', name: 'Codertocat', email: 'cat@example.test' }, { id: 'u2', name: 'Ann Lee', email: 'octocat@example.test' }]);
    expect(m.split(['codertocat', 'octocat', 'hubot'])).toEqual({ assigneeIds: ['u1', 'u2'], externalAssignees: ['hubot'] });
    expect(m.logins(['u1', 'u2'], ['hubot'])).toEqual(['Codertocat', 'hubot', 'octocat']);
  });

  it('plans nothing for a pull request or an issue not newer than the last sync', () => {
    const issue = realIssue('opened');
    const ctx = { repoFullName: 'Codertocat/Hello-World', matcher: createMemberMatcher([]), policy: 'newest' as const };
    const planCtx = { map: { settings: {}, members: [] }, policy: ctx.policy, scope: { externalId: ctx.repoFullName } };
    const planIssue = (i: typeof issue, existing: Parameters<typeof planItem>[2], c: typeof ctx) => planItem(githubTaskSync, i, existing, { ...planCtx, policy: c.policy });
    expect(planIssue({ ...issue, pull_request: {} }, undefined, ctx)).toBeNull();
    const plan = planIssue(issue, undefined, ctx)!;
    expect(plan).toMatchObject({ isNew: true, externalKey: 'Codertocat/Hello-World#1', task: { status: 'todo', externalAssignees: ['Codertocat'] } });
    const existing = {
      taskId: plan.taskId, snapshot: plan.snapshot, externalUpdatedAt: new Date(issue.updated_at), syncEnabled: true,
      task: { ...plan.task, description: plan.task.description, updatedAt: new Date(), milestoneId: null },
    };
    expect(planIssue(issue, existing, ctx)).toBeNull();
    expect(taskFields(existing.task, ctx.matcher)).toEqual(issueFields(issue));
  });
});
