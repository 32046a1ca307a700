import type { ItemIdentity, TaskSyncCapability } from '../types';
import { fieldsToTask, fixVersionMilestone, issueToFields, type JiraFields, type JiraIssue, jiraMergedFields, taskToFields } from './map-fields';
import { pullJiraIssues } from './pull-issues';
import { readJiraSettings } from './schema';
import { createJiraIssue, fetchJiraIssue, writeJiraIssue } from './write-issue';

/** The Jira browse link of an issue, from its REST `self` (https://site/rest/api/3/issue/10001 → https://site/browse/KEY-1). */
export function browseUrl(issue: Pick<JiraIssue, 'key' | 'self'>): string | null {
  if (!issue.self) return null;
  try {
    const url = new URL(issue.self);
    if (url.pathname.startsWith('/ex/jira/')) return null; // OAuth gateway links are API-only
    return `${url.origin}/browse/${encodeURIComponent(issue.key)}`;
  } catch {
    return null;
  }
}

export function identifyJiraIssue(issue: JiraIssue): ItemIdentity {
  return { externalId: issue.id, externalKey: issue.key, url: browseUrl(issue), updatedAt: new Date(issue.fields.updated).toISOString() };
}

/**
 * Jira's `taskSync`: keyed on the immutable issue id (keys change when an issue moves),
 * incremental search/jql with overlap and dedupe, ADF ↔ Markdown, statuses and priorities
 * through the integration's map, status writes through workflow transitions, and the first
 * fix version as the task's milestone (Jira → Taskbridge only).
 */
export const jiraTaskSync: TaskSyncCapability<JiraIssue, JiraFields> = {
  itemNoun: 'issue',
  fields: jiraMergedFields,
  taskFields: ['title', 'description', 'status', 'priority', 'labels', 'assigneeIds', 'dueDate'],
  options: (settings) => ({ conflictPolicy: readJiraSettings(settings).conflictPolicy }),
  pull: pullJiraIssues,
  identify: identifyJiraIssue,
  toFields: issueToFields,
  fromTask: taskToFields,
  toTask: fieldsToTask,
  create: (connection, fields) => createJiraIssue(connection, fields),
  write: (connection, ref, patch) => {
    const { milestone: _m, ...fields } = patch;
    return writeJiraIssue(connection, ref, fields);
  },
  fetch: fetchJiraIssue,
  milestones: { of: fixVersionMilestone },
};
