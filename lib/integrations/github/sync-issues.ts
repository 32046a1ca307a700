import { z } from 'zod';
import { faultPoint } from '@/lib/sync/fault-points';
import type { SyncContext, SyncPageResult } from '../types';
import { createGithubClient, type GithubClientOptions, parseRepo, type RateLimitSnapshot, translateGithubError } from './client';
import { createMemberMatcher, githubIssueSchema } from './map-fields';
import { planIssue } from './plan-issue';
import { pushPlans } from './push-issue';
import { readIssueLinks } from './read-links';
import { githubSettingsSchema } from './schema';
import { writeIssuePlans } from './write-issues';

/**
 * Where an incremental sync stands: the `since` of the current query, the page within it,
 * the ETag of that query's single page (a resync with nothing new costs one 304), and the
 * newest updated_at seen.
 */
export const githubCursorSchema = z.object({
  since: z.string().nullable().default(null),
  page: z.number().int().min(1).default(1),
  etag: z.string().nullable().default(null),
  maxUpdated: z.string().nullable().default(null),
});
export type GithubCursor = z.infer<typeof githubCursorSchema>;

/** Re-read this much before the newest change seen: GitHub's index may lag a few seconds. */
export const SINCE_OVERLAP_MS = 10_000;

/** Client knobs from env: the e2e server and tests talk to the fake and need no write spacing. */
export function clientDefaults(env = process.env): GithubClientOptions {
  const num = (v: string | undefined) => (v === undefined || v === '' ? undefined : Number(v));
  return {
    writeIntervalMs: num(env.GITHUB_WRITE_INTERVAL_MS), maxWaitSeconds: num(env.GITHUB_MAX_WAIT_SECONDS), retryBaseMs: num(env.GITHUB_RETRY_BASE_MS),
  };
}

const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');

/**
 * One page of the incremental issue import: GET issues?since&state=all&sort=updated&direction=asc
 * &per_page=100, plan each issue against its link, write the page (tasks, mappings, cursor,
 * progress) in one statement, then push back what the merge kept from Taskbridge.
 */
export async function syncGithubPage(ctx: SyncContext): Promise<SyncPageResult> {
  const cursor = githubCursorSchema.parse(ctx.cursor ?? {});
  const { owner, repo } = parseRepo(ctx.connection.externalId);
  const settings = githubSettingsSchema.parse(ctx.connection.settings ?? {});
  let quota: RateLimitSnapshot | null = null;
  const octokit = createGithubClient(ctx.connection, { ...clientDefaults(), onRateLimit: (q) => (quota = q) });
  const conditional = cursor.page === 1 && cursor.etag ? { 'if-none-match': cursor.etag } : {};
  let response;
  try {
    response = await octokit.request('GET /repos/{owner}/{repo}/issues', {
      owner, repo, state: 'all', sort: 'updated', direction: 'asc', per_page: 100, page: cursor.page,
      ...(cursor.since ? { since: cursor.since } : {}),
      headers: conditional,
    });
  } catch (err) {
    if ((err as { status?: number }).status === 304) {
      return { cursor, done: true, notModified: true, progress: { pages: 0, fetched: 0, created: 0, updated: 0, unchanged: 0 }, quota: serialize(quota) };
    }
    translateGithubError(err);
  }
  const issues = z.array(githubIssueSchema).parse(response.data);
  const maxUpdated = issues.reduce<string | null>((m, i) => (m && m > i.updated_at ? m : i.updated_at), cursor.maxUpdated);
  const hasNext = /rel="next"/.test(response.headers.link ?? '');
  const newSince = maxUpdated ? iso(Date.parse(maxUpdated) - SINCE_OVERLAP_MS) : null;
  let next: GithubCursor;
  let done = false;
  if (hasNext) next = { ...cursor, page: cursor.page + 1, etag: null, maxUpdated };
  else if (newSince === cursor.since) {
    // The query for the next sync is the one just made: keep its ETag when it was a single page.
    next = { since: cursor.since, page: 1, etag: cursor.page === 1 ? (response.headers.etag ?? null) : null, maxUpdated };
    done = true;
  } else next = { since: newSince, page: 1, etag: null, maxUpdated };

  const wanted = settings.labelFilter.length
    ? issues.filter((i) => i.labels.some((l) => settings.labelFilter.includes(typeof l === 'string' ? l : (l.name ?? ''))))
    : issues;
  const target = { integrationId: ctx.integration.id, projectId: ctx.integration.projectId };
  const { links, members } = await readIssueLinks(ctx.db, { ...target, externalIds: wanted.map((i) => String(i.id)) });
  const planCtx = { repoFullName: `${owner}/${repo}`, matcher: createMemberMatcher(members), policy: settings.conflictPolicy };
  const plans = wanted.map((i) => planIssue(i, links.get(String(i.id)), planCtx)).filter((p) => p !== null);
  const written = await writeIssuePlans(ctx.db, target, plans, {
    cursor: next, runId: ctx.runId, fetched: issues.length, unchanged: issues.length - plans.length,
  });
  faultPoint('sync.page-written');
  await pushPlans(ctx.db, { ...target, providerId: ctx.integration.providerId }, octokit, { owner, repo }, plans);
  return {
    cursor: next,
    done,
    progress: { pages: 1, fetched: issues.length, created: written.created, updated: written.updated, unchanged: issues.length - plans.length },
    quota: serialize(quota),
  };
}

function serialize(q: RateLimitSnapshot | null) {
  return q && { limit: q.limit, remaining: q.remaining, resetAt: q.resetAt?.toISOString() ?? null };
}
