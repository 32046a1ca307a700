import { z } from 'zod';
import type { IntegrationConnection, PulledPage } from '../types';
import { githubFor, parseRepo, translateGithubError } from './client';
import { type GithubIssue, githubIssueSchema } from './map-fields';

/**
 * Where an incremental sync stands: the `since` of the current query, the page within it,
 * the ETag of that query's single page (a resync with nothing new costs one 304), and the
 * newest updated_at seen.
 */
const PER_PAGE = 100;

/** The page number of `rel="last"` in a Link header, if any. */
function lastPage(link: string | undefined): number | null {
  const m = /<[^>]*[?&]page=(\d+)[^>]*>;\s*rel="last"/.exec(link ?? '');
  return m ? Number(m[1]) : null;
}
export const githubCursorSchema = z.object({
  since: z.string().nullable().default(null),
  page: z.number().int().min(1).default(1),
  etag: z.string().nullable().default(null),
  maxUpdated: z.string().nullable().default(null),
  /** While a multi-page query runs: about how many issues it holds (its last page × 100), for the backfill's ETA. */
  expectedTotal: z.number().int().nullable().default(null),
});
export type GithubCursor = z.infer<typeof githubCursorSchema>;

/** Re-read this much before the newest change seen: GitHub's index may lag a few seconds. */
export const SINCE_OVERLAP_MS = 10_000;

const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');

/**
 * One page of the incremental issue import: GET issues?since&state=all&sort=updated&direction=asc
 * &per_page=100 (If-None-Match on a single-page query), and the cursor of the next page.
 */
export async function pullIssues(connection: IntegrationConnection, raw: Record<string, unknown> | null): Promise<PulledPage<GithubIssue>> {
  const cursor = githubCursorSchema.parse(raw ?? {});
  const { owner, repo } = parseRepo(connection.externalId);
  const gh = githubFor(connection);
  const conditional = cursor.page === 1 && cursor.etag ? { 'if-none-match': cursor.etag } : {};
  let response;
  try {
    response = await gh.octokit.request('GET /repos/{owner}/{repo}/issues', {
      owner, repo, state: 'all', sort: 'updated', direction: 'asc', per_page: PER_PAGE, page: cursor.page,
      ...(cursor.since ? { since: cursor.since } : {}),
      headers: conditional,
    });
  } catch (err) {
    if ((err as { status?: number }).status === 304) return { items: [], cursor, done: true, notModified: true, quota: gh.quota() };
    translateGithubError(err);
  }
  const issues = z.array(githubIssueSchema).parse(response.data);
  const maxUpdated = issues.reduce<string | null>((m, i) => (m && m > i.updated_at ? m : i.updated_at), cursor.maxUpdated);
  const hasNext = /rel="next"/.test(response.headers.link ?? '');
  const newSince = maxUpdated ? iso(Date.parse(maxUpdated) - SINCE_OVERLAP_MS) : null;
  let next: GithubCursor;
  let done = false;
  if (hasNext) {
    const last = lastPage(response.headers.link);
    next = { ...cursor, page: cursor.page + 1, etag: null, maxUpdated, expectedTotal: cursor.expectedTotal ?? (last ? last * PER_PAGE : null) };
  }
  else if (newSince === cursor.since) {
    // The query for the next sync is the one just made: keep its ETag when it was a single page.
    next = { since: cursor.since, page: 1, etag: cursor.page === 1 ? (response.headers.etag ?? null) : null, maxUpdated, expectedTotal: null };
    done = true;
  } else next = { since: newSince, page: 1, etag: null, maxUpdated, expectedTotal: null };
  return { items: issues, cursor: next, done, quota: gh.quota() };
}
