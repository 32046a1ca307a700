import { describe, expect, it } from 'vitest';
import { fieldsToTask, fixVersionMilestone, issueToFields, jiraPriorityId, mapJiraPriority, mapJiraStatus, taskToFields, type JiraIssue } from '@/lib/integrations/jira/map-fields';
import { jiraSettingsSchema, readJiraSettings } from '@/lib/integrations/jira/schema';
import type { FieldMapContext, TaskForSync } from '@/lib/integrations/types';

const settings = (over: Record<string, unknown> = {}) => readJiraSettings(over);
const status = (id: string, name: string, key: string) => ({ id, name, statusCategory: { key } });
const ada = { id: 'u1', name: 'Ada', email: 'ada@example.com' };
const bob = { id: 'u2', name: 'Bob', email: 'bob@example.com' };
const ctx = (s: Record<string, unknown> = {}): FieldMapContext => ({ settings: s, members: [ada, bob] });

const issue = (fields: Partial<JiraIssue['fields']> = {}): JiraIssue => ({
  id: '10001', key: 'PROJ-1',
  fields: {
    summary: 'Fix login', description: { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'It **breaks**' }] }] },
    status: status('10001', 'In Review', 'indeterminate'), priority: { id: '2', name: 'High' }, labels: ['ui', 'bug'],
    assignee: { accountId: 'acc-ada', emailAddress: 'ADA@example.com', displayName: 'Ada' }, duedate: '2026-12-24',
    fixVersions: [{ id: '1', name: 'v1.0' }], issuetype: { id: '10002', name: 'Bug' }, updated: '2026-12-01T10:00:00.000+0000',
    ...fields,
  },
});

describe('status and priority maps', () => {
  it('maps a status by id, then by name, then by its category', () => {
    const s = settings({ statusMap: { '10001': 'todo', "won't do": 'cancelled' } });
    expect(mapJiraStatus(status('10001', 'In Review', 'indeterminate'), s)).toBe('todo');
    expect(mapJiraStatus(status('10003', "Won't Do", 'done'), s)).toBe('cancelled');
    expect(mapJiraStatus(status('3', 'In Progress', 'indeterminate'), s)).toBe('in_progress');
    expect(mapJiraStatus(status('10002', 'Done', 'done'), s)).toBe('done');
    expect(mapJiraStatus(status('9', 'Backlog', 'new'), s)).toBe('todo');
    expect(mapJiraStatus(null, s)).toBe('todo');
  });

  it('maps priorities by id with built-in defaults, and back to the first id', () => {
    const s = settings({ priorityMap: { '10100': 'urgent', '2': 'high' } });
    expect(mapJiraPriority({ id: '10100', name: 'P0' }, s)).toBe('urgent');
    expect(mapJiraPriority({ id: '4', name: 'Low' }, s)).toBe('low');
    expect(mapJiraPriority({ id: '77', name: 'Weird' }, s)).toBe('medium');
    expect(jiraPriorityId('urgent', s)).toBe('10100');
    expect(jiraPriorityId('low', settings())).toBe('4');
  });
});

describe('issue ↔ task fields', () => {
  it('reads an issue in task terms; the assignee is a member matched by the email Jira shows', () => {
    const f = issueToFields(issue(), ctx());
    expect(f).toEqual({
      summary: 'Fix login', description: 'It \\*\\*breaks\\*\\*', status: 'in_progress', priority: 'high', labels: ['bug', 'ui'],
      assignee: 'ada@example.com', dueDate: '2026-12-24', issueType: 'Bug',
    });
    expect(fieldsToTask(f, ctx(), null)).toEqual({
      title: 'Fix login', description: 'It \\*\\*breaks\\*\\*', status: 'in_progress', priority: 'high', labels: ['bug', 'ui'],
      assigneeIds: ['u1'], externalAssignees: [], dueDate: '2026-12-24',
    });
    expect(fixVersionMilestone(issue())).toEqual({ externalId: '1', title: 'v1.0', description: '', dueDate: null });
  });

  it('someone who is not a member (or whose email Jira hides) stays an external assignee', () => {
    const f = issueToFields(issue({ assignee: { accountId: 'acc-x', displayName: 'Stranger' } }), ctx());
    expect(f.assignee).toBe('Stranger');
    expect(fieldsToTask(f, ctx(), null)).toMatchObject({ assigneeIds: [], externalAssignees: ['Stranger'] });
  });

  it('an unchanged task and its issue compare equal (no echo)', () => {
    const c = ctx();
    for (const assignee of [issue().fields.assignee, { accountId: 'acc-x', displayName: 'Stranger' }, null]) {
      const fromIssue = issueToFields(issue({ assignee }), c);
      const task = { title: '', description: '', status: 'todo', priority: 'medium', labels: [], assigneeIds: [], externalAssignees: [], dueDate: null, ...fieldsToTask(fromIssue, c, null) } as TaskForSync;
      expect(taskToFields(task, c)).toEqual({ ...fromIssue, issueType: 'Task' });
    }
  });

  it('fields that are off read the same constant on both sides; one-way fields are not written to tasks from Jira', () => {
    const c = ctx({ fieldDirections: { labels: 'off', priority: 'export', status: 'import' } });
    const f = issueToFields(issue(), c);
    expect(f.labels).toEqual([]);
    const task: TaskForSync = { title: 'x', description: '', status: 'done', priority: 'low', labels: ['other'], assigneeIds: [], externalAssignees: [], dueDate: null };
    expect(taskToFields(task, c).labels).toEqual([]);
    const back = fieldsToTask(f, c, null);
    expect(back).not.toHaveProperty('priority');
    expect(back).not.toHaveProperty('labels');
    expect(back.status).toBe('in_progress');
  });

  it('has defaults that work untouched and rejects sites outside atlassian.net', () => {
    const d = jiraSettingsSchema.parse({});
    expect(d.issueType).toBe('Task');
    expect(d.priorityMap['1']).toBe('urgent');
    expect(jiraSettingsSchema.safeParse({ siteUrl: 'https://acme.atlassian.net/' }).data?.siteUrl).toBe('https://acme.atlassian.net');
    expect(jiraSettingsSchema.safeParse({ siteUrl: 'https://evil.example.com' }).success).toBe(false);
  });
});
