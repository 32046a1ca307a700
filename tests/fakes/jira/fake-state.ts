/**
 * The data of the fake Jira Cloud: one site with projects, a workflow, priorities, issue
 * types (one with a required custom field), users, and issues in v3 shapes (ADF bodies).
 */
export type FakeStatus = { id: string; name: string; statusCategory: { id: number; key: 'new' | 'indeterminate' | 'done'; name: string } };
export type FakeUser = { accountId: string; emailAddress: string; displayName: string; timeZone: string; active: boolean; accountType: 'atlassian' };
export type FakeIssueType = { id: string; name: string; subtask: false; requiredFields: Array<{ fieldId: string; name: string }> };
export type AdfDoc = { type: 'doc'; version: 1; content: unknown[] };

export type FakeIssue = {
  id: string;
  key: string;
  projectKey: string;
  /** Older keys (an issue moved): still answer GET. */
  formerKeys: string[];
  fields: {
    summary: string;
    description: AdfDoc | null;
    status: FakeStatus;
    priority: { id: string; name: string };
    labels: string[];
    assignee: { accountId: string; emailAddress?: string; displayName: string } | null;
    duedate: string | null;
    fixVersions: Array<{ id: string; name: string }>;
    issuetype: { id: string; name: string };
    created: string;
    updated: string;
    [custom: `customfield_${string}`]: unknown;
  };
  deleted: boolean;
};

const cat = (id: number, key: FakeStatus['statusCategory']['key'], name: string) => ({ id, key, name });
export const STATUSES: FakeStatus[] = [
  { id: '10000', name: 'To Do', statusCategory: cat(2, 'new', 'To Do') },
  { id: '3', name: 'In Progress', statusCategory: cat(4, 'indeterminate', 'In Progress') },
  { id: '10001', name: 'In Review', statusCategory: cat(4, 'indeterminate', 'In Progress') },
  { id: '10002', name: 'Done', statusCategory: cat(3, 'done', 'Done') },
  { id: '10003', name: "Won't Do", statusCategory: cat(3, 'done', 'Done') },
];
export const PRIORITIES = [
  { id: '1', name: 'Highest' }, { id: '2', name: 'High' }, { id: '3', name: 'Medium' }, { id: '4', name: 'Low' }, { id: '5', name: 'Lowest' },
];
export const ISSUE_TYPES: FakeIssueType[] = [
  { id: '10001', name: 'Task', subtask: false, requiredFields: [] },
  { id: '10002', name: 'Bug', subtask: false, requiredFields: [] },
  { id: '10003', name: 'Story', subtask: false, requiredFields: [{ fieldId: 'customfield_10050', name: 'Team' }] },
];

/** Jira's timestamp format: `2026-12-01T10:00:00.000+0000`. */
export const jiraStamp = (ms: number) => new Date(ms).toISOString().replace('Z', '+0000');

export const adfText = (text: string): AdfDoc | null =>
  text ? { type: 'doc', version: 1, content: text.split('\n\n').map((p) => ({ type: 'paragraph', content: [{ type: 'text', text: p }] })) } : null;

export function isAdf(value: unknown): value is AdfDoc {
  return !!value && typeof value === 'object' && (value as AdfDoc).type === 'doc' && (value as AdfDoc).version === 1 && Array.isArray((value as AdfDoc).content);
}

/** Plain text of an ADF doc (for v2-shaped webhook payloads, which carry wiki text). */
export function adfPlain(doc: unknown): string {
  const walk = (n: unknown): string => {
    const node = n as { text?: string; content?: unknown[] };
    return node?.text ?? (node?.content ?? []).map(walk).join(node && (node as { type?: string }).type === 'doc' ? '\n\n' : '');
  };
  return doc ? walk(doc) : '';
}

export function issueView(issue: FakeIssue, base: string, fields?: string[]): Record<string, unknown> {
  const all = issue.fields as Record<string, unknown>;
  const picked = fields && !fields.includes('*all') ? Object.fromEntries(fields.filter((f) => f in all).map((f) => [f, all[f]])) : all;
  return { expand: '', id: issue.id, key: issue.key, self: `${base}/rest/api/3/issue/${issue.id}`, fields: structuredClone(picked) };
}

/** Jira's error body. */
export const err = (...messages: string[]) => ({ errorMessages: messages, errors: {} });
