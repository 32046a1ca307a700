import { UserFacingError } from '@/lib/errors';
import { FieldsNotWrittenError, ItemGoneError } from '../kit/errors';
import type { IntegrationConnection, ItemRef } from '../types';
import { markdownToJiraAdf } from './adf';
import { createJiraClient, jiraCall, jiraErrorResponse, type JiraClient, projectKey, translateJiraError } from './client';
import { type JiraFields, jiraFieldsFor, jiraLabel, type JiraIssue, jiraIssueSchema, jiraPriorityId, mapJiraStatus } from './map-fields';
import { rememberWrite } from './recent-writes';
import { fieldDirection, type JiraFieldName, type JiraSettings, readJiraSettings } from './schema';

/**
 * The status could not be written: the workflow has no transition from the issue's status
 * into one the map gives the task's status. Thrown AFTER the other fields were written;
 * `item` is the issue as it now stands. The engine shows the message on the task and in the
 * log; it is not a failure of the sync.
 */
export class JiraTransitionUnavailableError extends FieldsNotWrittenError {
  override name = 'JiraTransitionUnavailableError';
  constructor(message: string, override readonly item: JiraIssue, createdAt?: string) {
    super(message, ['status'], item, createdAt);
  }
}

const exported = (s: JiraSettings, f: JiraFieldName) => ['both', 'export'].includes(fieldDirection(s, f));

/** A member's Jira account by email (Jira shows emails only where the user allows it). */
async function accountIdFor(client: JiraClient, email: string): Promise<string | null> {
  const users = await jiraCall(() => client.userSearch.findUsers({ query: email, maxResults: 10 }));
  const exact = users.find((u) => u.emailAddress?.toLowerCase() === email.toLowerCase());
  return exact?.accountId ?? (users.length === 1 ? (users[0]!.accountId ?? null) : null);
}

/** The REST `fields` for a patch, only for fields Taskbridge may write. Status is not a field (transitions). */
async function restFields(client: JiraClient, s: JiraSettings, patch: Partial<JiraFields>): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  const has = (f: JiraFieldName) => patch[f] !== undefined && exported(s, f);
  if (has('summary')) out.summary = patch.summary;
  if (has('description')) out.description = markdownToJiraAdf(patch.description ?? '');
  if (has('priority')) {
    const id = jiraPriorityId(patch.priority!, s);
    if (id) out.priority = { id };
  }
  if (has('labels')) out.labels = patch.labels!.map(jiraLabel);
  if (has('dueDate')) out.duedate = patch.dueDate ?? null;
  if (has('assignee')) {
    if (patch.assignee === null) out.assignee = null;
    else {
      const accountId = await accountIdFor(client, patch.assignee!);
      if (accountId) out.assignee = { accountId };
    }
  }
  return out;
}

async function readIssue(client: JiraClient, idOrKey: string, fields: string[]): Promise<JiraIssue> {
  try {
    return jiraIssueSchema.parse(await client.issues.getIssue({ issueIdOrKey: idOrKey, fields }));
  } catch (err) {
    if (jiraErrorResponse(err)?.status === 404) throw new ItemGoneError('The issue was deleted in Jira, or this account can no longer see it.');
    translateJiraError(err);
  }
}

/** Moves the issue into a status the map gives `wanted`; returns a message when the workflow offers none. */
async function transitionTo(client: JiraClient, s: JiraSettings, issue: JiraIssue, wanted: JiraFields['status']): Promise<string | null> {
  if (mapJiraStatus(issue.fields.status, s) === wanted) return null;
  const { transitions = [] } = await jiraCall(() => client.issues.getTransitions({ issueIdOrKey: issue.id }));
  const pick = transitions.find((t) => t.to && t.isAvailable !== false && mapJiraStatus(t.to as never, s) === wanted);
  if (!pick?.id) {
    const from = issue.fields.status?.name ?? 'its status';
    return `Jira issue ${issue.key}: the workflow has no transition from "${from}" to a status mapped to "${wanted}"; the status was not changed in Jira (other fields were). Map a reachable status on the Jira mapping page, or move the issue in Jira.`;
  }
  await jiraCall(() => client.issues.doTransition({ issueIdOrKey: issue.id, transition: { id: pick.id! } }));
  return null;
}

/** PUT the changed fields (404 → gone), then the status through a transition. */
export async function writeJiraIssue(connection: IntegrationConnection, ref: ItemRef, patch: Partial<JiraFields>): Promise<JiraIssue> {
  const s = readJiraSettings(connection.settings);
  const client = await createJiraClient(connection);
  const read = () => readIssue(client, ref.externalId, jiraFieldsFor(connection.settings));
  const fields = await restFields(client, s, patch);
  if (Object.keys(fields).length) {
    try {
      await client.issues.editIssue({ issueIdOrKey: ref.externalId, fields, notifyUsers: false });
    } catch (err) {
      if (jiraErrorResponse(err)?.status === 404) throw new ItemGoneError('The issue was deleted in Jira, or this account can no longer see it.');
      translateJiraError(err);
    }
  }
  let problem: string | null = null;
  if (patch.status !== undefined && exported(s, 'status')) problem = await transitionTo(client, s, await read(), patch.status);
  rememberWrite(connection.integrationId, ref.externalId);
  const item = await read();
  if (problem) throw new JiraTransitionUnavailableError(problem, item);
  return item;
}

type MetaField = { fieldId?: string; key?: string; name?: string; required?: boolean; hasDefaultValue?: boolean };

/** The issue type for new issues and the fields its create screen has, from createmeta. */
async function createMeta(client: JiraClient, key: string, wanted: string): Promise<{ id: string; name: string; fields: MetaField[] }> {
  const page = (await jiraCall(() => client.issues.getCreateIssueMetaIssueTypes({ projectIdOrKey: key, maxResults: 200 }))) as {
    issueTypes?: Array<{ id?: string; name?: string }>; values?: Array<{ id?: string; name?: string }>;
  };
  const types = page.issueTypes ?? page.values ?? [];
  const type = types.find((t) => t.id === wanted || t.name?.toLowerCase() === wanted.toLowerCase());
  if (!type?.id) {
    throw new UserFacingError(`Issue type "${wanted}" cannot be created in Jira project ${key} (available: ${types.map((t) => t.name).join(', ') || 'none'}). Pick another on the Jira mapping page.`);
  }
  const meta = (await jiraCall(() => client.issues.getCreateIssueMetaIssueTypeId({ projectIdOrKey: key, issueTypeId: type.id!, maxResults: 200 }))) as {
    fields?: MetaField[]; results?: MetaField[]; values?: MetaField[];
  };
  return { id: type.id, name: type.name ?? wanted, fields: meta.fields ?? meta.results ?? meta.values ?? [] };
}

/** Creates the issue for a task: issue type and required fields from createmeta, then the status by transition. */
export async function createJiraIssue(connection: IntegrationConnection, input: JiraFields): Promise<{ item: JiraIssue; createdAt: string }> {
  const s = readJiraSettings(connection.settings);
  const key = projectKey(connection);
  const client = await createJiraClient(connection);
  const type = await createMeta(client, key, s.issueType);
  const onScreen = new Set(type.fields.map((f) => f.fieldId ?? f.key ?? ''));
  const wanted = await restFields(client, s, input);
  const fields: Record<string, unknown> = { project: { key }, issuetype: { id: type.id }, summary: input.summary || 'Untitled task' };
  for (const [k, v] of Object.entries(wanted)) if (k !== 'summary' && onScreen.has(k) && v !== null) fields[k] = v;
  const missing = type.fields.filter((f) => f.required && !f.hasDefaultValue && !((f.fieldId ?? f.key ?? '') in fields));
  if (missing.length) {
    throw new UserFacingError(`Jira requires ${missing.map((f) => `"${f.name ?? f.fieldId}"`).join(', ')} for a ${type.name} in ${key}, which Taskbridge does not fill. Choose another issue type on the Jira mapping page or make the field optional in Jira.`);
  }
  const created = await jiraCall(() => client.issues.createIssue({ fields: fields as never }));
  if (!created.id) throw new UserFacingError('Jira did not return the new issue id.');
  rememberWrite(connection.integrationId, created.id);
  const readFields = jiraFieldsFor(connection.settings);
  let issue = await readIssue(client, created.id, readFields);
  const createdAt = issue.fields.updated;
  if (exported(s, 'status') && input.status) {
    const problem = await transitionTo(client, s, issue, input.status);
    issue = await readIssue(client, created.id, readFields);
    if (problem) throw new JiraTransitionUnavailableError(problem, issue, createdAt);
  }
  return { item: issue, createdAt };
}

/** Reads one issue fresh (a webhook is only a signal); ItemGoneError when it is gone or not visible. */
export async function fetchJiraIssue(connection: IntegrationConnection, ref: Pick<ItemRef, 'externalId'>): Promise<JiraIssue> {
  const client = await createJiraClient(connection);
  return readIssue(client, ref.externalId, jiraFieldsFor(connection.settings));
}
