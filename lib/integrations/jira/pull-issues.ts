import { z } from 'zod';
import type { IntegrationConnection, PulledPage } from '../types';
import { createJiraClient, jiraCall, type JiraClient, projectKey } from './client';
import { jiraFieldsFor, type JiraIssue, jiraIssueSchema } from './map-fields';
import { takeRecentWrites } from './recent-writes';

/**
 * Where an incremental import stands. JQL compares `updated` to the minute, in the Jira
 * user's time zone: each query starts `OVERLAP_MS` before the newest change seen, and the
 * issues already seen in that window (`seen`: id@updated) are dropped, so a resync with
 * nothing changed is one request that yields nothing.
 */
export const jiraCursorSchema = z.object({
  since: z.string().nullable().default(null),
  timeZone: z.string().nullable().default(null),
  pageToken: z.string().nullable().default(null),
  maxUpdated: z.string().nullable().default(null),
  seen: z.array(z.string()).default([]),
});
export type JiraCursor = z.infer<typeof jiraCursorSchema>;

export const OVERLAP_MS = 60_000;
export const PAGE_SIZE = 100;
/** Past this, overlap dedupe gives up (a bulk edit): the engine's own "not newer" check still holds. */
const MAX_SEEN = 2_000;

/** `yyyy/MM/dd HH:mm` in the given zone, rounded down to the minute (JQL's precision). */
export function jqlDate(ms: number, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
    }).formatToParts(new Date(ms)).map((p) => [p.type, p.value]),
  );
  return `${parts.year}/${parts.month}/${parts.day} ${parts.hour}:${parts.minute}`;
}

export function buildJql(key: string, cursor: Pick<JiraCursor, 'since' | 'timeZone'>): string {
  const project = `project = "${key.replace(/"/g, '')}"`;
  if (!cursor.since) return `${project} ORDER BY updated ASC`;
  const from = jqlDate(Date.parse(cursor.since) - OVERLAP_MS, cursor.timeZone ?? 'UTC');
  return `${project} AND updated >= "${from}" ORDER BY updated ASC`;
}

export const seenKey = (issue: Pick<JiraIssue, 'id'> & { fields: { updated: string } }) => `${issue.id}@${Date.parse(issue.fields.updated)}`;

/** Keys of the issues inside the overlap window of `maxUpdated` (the next query re-reads them). */
function windowKeys(keys: string[], maxUpdated: string | null): string[] {
  if (!maxUpdated) return [];
  const from = Date.parse(maxUpdated) - OVERLAP_MS - 60_000;
  const kept = keys.filter((k) => Number(k.slice(k.indexOf('@') + 1)) >= from);
  return kept.length > MAX_SEEN ? [] : kept;
}

const searchAnswer = z.object({
  issues: z.array(z.unknown()).default([]),
  nextPageToken: z.string().nullish(),
  isLast: z.boolean().nullish(),
});

async function userTimeZone(client: JiraClient): Promise<string> {
  const me = await jiraCall(() => client.myself.getCurrentUser());
  return typeof me.timeZone === 'string' && me.timeZone ? me.timeZone : 'UTC';
}

/** One page of POST /rest/api/3/search/jql (never the removed /search). */
export async function pullJiraIssues(connection: IntegrationConnection, raw: Record<string, unknown> | null): Promise<PulledPage<JiraIssue>> {
  const cursor = jiraCursorSchema.parse(raw ?? {});
  const key = projectKey(connection);
  const client = await createJiraClient(connection);
  const timeZone = cursor.timeZone ?? (await userTimeZone(client));
  const reconcile = takeRecentWrites(connection.integrationId);
  const answer = searchAnswer.parse(
    await jiraCall(() =>
      client.issueSearch.searchForIssuesUsingJqlEnhancedSearchPost({
        jql: buildJql(key, { since: cursor.since, timeZone }),
        maxResults: PAGE_SIZE,
        fields: jiraFieldsFor(connection.settings),
        ...(cursor.pageToken ? { nextPageToken: cursor.pageToken } : {}),
        ...(reconcile.length ? { reconcileIssues: reconcile } : {}),
      }),
    ),
  );
  const issues = answer.issues.map((i) => jiraIssueSchema.parse(i));
  const seen = new Set(cursor.seen);
  const fresh = issues.filter((i) => !seen.has(seenKey(i)));
  const maxUpdated = issues.reduce<string | null>(
    (m, i) => (m && Date.parse(m) >= Date.parse(i.fields.updated) ? m : i.fields.updated),
    cursor.maxUpdated,
  );
  const seenNow = windowKeys([...new Set([...cursor.seen, ...issues.map(seenKey)])], maxUpdated);
  const last = answer.isLast !== false || !answer.nextPageToken;
  const next: JiraCursor = last
    ? { since: maxUpdated ?? cursor.since, timeZone, pageToken: null, maxUpdated, seen: seenNow }
    : { since: cursor.since, timeZone, pageToken: answer.nextPageToken ?? null, maxUpdated, seen: seenNow };
  // One page, all of it seen before: nothing changed, and nothing is written (the cursor is the same).
  const notModified = last && !cursor.pageToken && fresh.length === 0 && cursor.timeZone !== null;
  return { items: fresh, cursor: next, done: last, quota: null, ...(notModified ? { notModified } : {}) };
}
