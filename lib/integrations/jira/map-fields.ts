import { z } from 'zod';
import type { TaskPriority, TaskStatus } from '@/db/schema';
import type { ExternalMilestone, FieldMapContext, TaskForSync } from '../types';
import { adfToMarkdown, canonicalMarkdown } from './adf';
import { defaultPriorityMap, fieldDirection, type JiraFieldName, type JiraSettings, readJiraSettings } from './schema';

const named = z.object({ id: z.string(), name: z.string() });
export const jiraStatusSchema = named.extend({
  statusCategory: z.object({ key: z.string() }).partial().nullish(),
});
export type JiraStatus = z.infer<typeof jiraStatusSchema>;

/** The parts of a v3 issue Taskbridge reads (search/jql, GET issue). */
export const jiraIssueSchema = z.object({
  id: z.string(),
  key: z.string(),
  self: z.string().optional(),
  fields: z.object({
    summary: z.string().nullish(),
    description: z.unknown().optional(),
    status: jiraStatusSchema.nullish(),
    priority: named.nullish(),
    labels: z.array(z.string()).nullish(),
    assignee: z.object({ accountId: z.string(), emailAddress: z.string().nullish(), displayName: z.string().nullish() }).nullish(),
    duedate: z.string().nullish(),
    fixVersions: z.array(named.partial().extend({ name: z.string(), description: z.string().nullish(), releaseDate: z.string().nullish() })).nullish(),
    issuetype: named.nullish(),
    updated: z.string(),
  }),
});
export type JiraIssue = z.infer<typeof jiraIssueSchema>;

/** The fields search/jql and GET issue ask for: named, never `*all`. */
export const JIRA_FIELDS = ['summary', 'description', 'status', 'priority', 'labels', 'assignee', 'duedate', 'fixVersions', 'issuetype', 'updated'];

/**
 * The synced fields, compared in these terms and stored in the link's snapshot. Status and
 * priority are in task terms (several Jira statuses may mean "done": switching between them
 * is not a change to push), the description is canonical Markdown, the assignee a member's
 * email, or the display name of someone who is not a member (kept as an external assignee).
 */
export type JiraFields = {
  summary: string;
  description: string;
  status: TaskStatus;
  priority: TaskPriority;
  labels: string[];
  assignee: string | null;
  dueDate: string | null;
  /** Not merged: used when creating. */
  issueType: string;
};
export const jiraMergedFields = ['summary', 'description', 'status', 'priority', 'labels', 'assignee', 'dueDate'] as const satisfies readonly JiraFieldName[];

const categoryDefault: Record<string, TaskStatus> = { new: 'todo', indeterminate: 'in_progress', done: 'done' };

/** A Jira status in task terms: the map by id, then by name, then its category. */
export function mapJiraStatus(status: JiraStatus | null | undefined, settings: Pick<JiraSettings, 'statusMap'>): TaskStatus {
  if (!status) return 'todo';
  const byName = Object.entries(settings.statusMap).find(([k]) => k.toLowerCase() === status.name.toLowerCase());
  return settings.statusMap[status.id] ?? byName?.[1] ?? categoryDefault[status.statusCategory?.key ?? ''] ?? 'todo';
}

const priorityByName: Record<string, TaskPriority> = { highest: 'urgent', blocker: 'urgent', critical: 'urgent', high: 'high', major: 'high', medium: 'medium', low: 'low', minor: 'low', lowest: 'low', trivial: 'low' };

export function mapJiraPriority(priority: { id: string; name: string } | null | undefined, settings: Pick<JiraSettings, 'priorityMap'>): TaskPriority {
  if (!priority) return 'medium';
  return settings.priorityMap[priority.id] ?? priorityByName[priority.name.toLowerCase()] ?? 'medium';
}

/** The Jira priority id for a task priority: the first id the map gives it (the built-in ids as fallback). */
export function jiraPriorityId(priority: TaskPriority, settings: Pick<JiraSettings, 'priorityMap'>): string | null {
  const hit = Object.entries(settings.priorityMap).find(([, v]) => v === priority)
    ?? Object.entries(defaultPriorityMap).find(([, v]) => v === priority);
  return hit?.[0] ?? null;
}

const sorted = (values: Iterable<string>) => [...new Set(values)].sort((a, b) => a.localeCompare(b));

/** A label as Jira can hold it (no whitespace). */
export const jiraLabel = (label: string) => label.trim().replace(/\s+/g, '_');

/** A member's email for a Jira assignee Jira shows the email of; otherwise the display name (external). */
function assigneeValue(assignee: JiraIssue['fields']['assignee'], map: FieldMapContext): string | null {
  if (!assignee) return null;
  const email = assignee.emailAddress?.toLowerCase();
  const member = email ? map.members.find((m) => m.email.toLowerCase() === email) : undefined;
  return member ? member.email.toLowerCase() : (assignee.displayName || assignee.accountId);
}

/** For fields that are off: the same constant on both sides, so the merge never sees a change. */
function off<K extends keyof JiraFields>(settings: JiraSettings, field: K & JiraFieldName, value: JiraFields[K], constant: JiraFields[K]): JiraFields[K] {
  return fieldDirection(settings, field) === 'off' ? constant : value;
}

export function issueToFields(issue: JiraIssue, map: FieldMapContext): JiraFields {
  const s = readJiraSettings(map.settings);
  const f = issue.fields;
  return {
    summary: off(s, 'summary', f.summary ?? '', ''),
    description: off(s, 'description', canonicalMarkdown(adfToMarkdown(f.description)), ''),
    status: off(s, 'status', mapJiraStatus(f.status, s), 'todo'),
    priority: off(s, 'priority', mapJiraPriority(f.priority, s), 'medium'),
    labels: off(s, 'labels', sorted(f.labels ?? []), []),
    assignee: off(s, 'assignee', assigneeValue(f.assignee, map), null),
    dueDate: off(s, 'dueDate', f.duedate ?? null, null),
    issueType: f.issuetype?.name ?? s.issueType,
  };
}

export function taskToFields(task: TaskForSync, map: FieldMapContext): JiraFields {
  const s = readJiraSettings(map.settings);
  const member = map.members.find((m) => m.id === task.assigneeIds[0]);
  return {
    summary: off(s, 'summary', task.title, ''),
    description: off(s, 'description', canonicalMarkdown(task.description), ''),
    status: off(s, 'status', task.status, 'todo'),
    priority: off(s, 'priority', task.priority, 'medium'),
    // Jira labels have no spaces (we write them with _): compared the same way, "a b" is no change
    labels: off(s, 'labels', sorted(task.labels.map(jiraLabel)), []),
    assignee: off(s, 'assignee', member?.email.toLowerCase() ?? task.externalAssignees[0] ?? null, null),
    dueDate: off(s, 'dueDate', task.dueDate, null),
    issueType: s.issueType,
  };
}

/** Task columns for fields Jira may write (direction both or import). */
export function fieldsToTask(fields: Partial<JiraFields>, map: FieldMapContext, _current?: TaskForSync | null): Partial<TaskForSync> {
  const s = readJiraSettings(map.settings);
  const may = (f: JiraFieldName) => fields[f] !== undefined && ['both', 'import'].includes(fieldDirection(s, f));
  const out: Partial<TaskForSync> = {};
  if (may('summary')) out.title = fields.summary!;
  if (may('description')) out.description = fields.description!;
  if (may('status')) out.status = fields.status!;
  if (may('priority')) out.priority = fields.priority!;
  if (may('labels')) out.labels = fields.labels!;
  if (may('assignee')) {
    const value = fields.assignee ?? null;
    const member = value ? map.members.find((m) => m.email.toLowerCase() === value) : undefined;
    out.assigneeIds = member ? [member.id] : [];
    out.externalAssignees = value && !member ? [value] : [];
  }
  if (may('dueDate')) out.dueDate = fields.dueDate ?? null;
  return out;
}

/** The first fix version as the task's milestone (import only; absent when the fields were not asked for). */
export function fixVersionMilestone(issue: JiraIssue): ExternalMilestone | null {
  const v = issue.fields.fixVersions?.[0];
  if (!v?.id) return null;
  return { externalId: v.id, title: v.name, description: v.description ?? '', dueDate: v.releaseDate ?? null };
}

/** The fields to ask Jira for: fix versions only when they become milestones. */
export function jiraFieldsFor(settings: Record<string, unknown>): string[] {
  return readJiraSettings(settings).importFixVersions ? JIRA_FIELDS : JIRA_FIELDS.filter((f) => f !== 'fixVersions');
}
