import { issueView } from './fake-state';
import type { FakeJira } from './server';

type Send = (status: number, data?: unknown, headers?: Record<string, string>) => void;

const JQL = /^project\s*=\s*"?([A-Z][A-Z0-9_]*)"?(?:\s+AND\s+updated\s*>=\s*"(\d{4})\/(\d{2})\/(\d{2}) (\d{2}):(\d{2})")?\s+ORDER BY updated ASC$/i;

/**
 * POST /rest/api/3/search/jql as Jira Cloud answers it: no `total`, an opaque
 * `nextPageToken` until `isLast`, at most 100 issues with fields, only the fields named.
 * Understands the JQL Taskbridge sends (project, `updated >=` to the minute in the user's
 * zone — UTC here — and ORDER BY updated ASC); anything else is a 400 like Jira's parser.
 */
export function handleSearch(fake: FakeJira, body: Record<string, unknown>, base: string, send: Send) {
  const jql = String(body.jql ?? '').trim();
  const m = JQL.exec(jql);
  if (!m) return send(400, { errorMessages: [`Error in the JQL Query: the query '${jql}' is not understood by the fake.`], errors: {} });
  if (Array.isArray(body.reconcileIssues)) fake.reconciled.push(body.reconcileIssues as number[]);
  const from = m[2] ? Date.UTC(+m[2], +m[3]! - 1, +m[4]!, +m[5]!, +m[6]!) : -Infinity;
  const maxResults = Math.min(Math.max(Number(body.maxResults ?? 50), 1), 100);
  let offset = 0;
  if (typeof body.nextPageToken === 'string') {
    try {
      const token = JSON.parse(Buffer.from(body.nextPageToken, 'base64url').toString('utf8')) as { o: number; q: string };
      if (token.q !== jql) throw new Error('other query');
      offset = token.o;
    } catch {
      return send(400, { errorMessages: ['The provided next page token is invalid or expired.'], errors: {} });
    }
  }
  const all = fake.issues
    .filter((i) => !i.deleted && i.projectKey === m[1] && Date.parse(i.fields.updated) >= from)
    .sort((a, b) => Date.parse(a.fields.updated) - Date.parse(b.fields.updated) || Number(a.id) - Number(b.id));
  const page = all.slice(offset, offset + maxResults);
  const isLast = offset + maxResults >= all.length;
  const fields = Array.isArray(body.fields) ? (body.fields as string[]) : ['*navigable'];
  const out: Record<string, unknown> = { issues: page.map((i) => issueView(i, base, fields.includes('*navigable') ? undefined : fields)), isLast };
  if (!isLast) out.nextPageToken = Buffer.from(JSON.stringify({ o: offset + maxResults, q: jql })).toString('base64url');
  return send(200, out);
}
