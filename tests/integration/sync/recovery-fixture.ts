import { count, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { externalTaskMappings, projectIntegrations, syncRuns, tasks } from '@/db/schema';
import type { FakeGithub } from '../../fakes/github/server';

/** Points getDb() (the app's process-wide pool) at another database, e.g. a cluster the test can stop. */
export async function useAppDatabase(url: string): Promise<void> {
  const cache = globalThis as unknown as { __taskbridgeDb?: { pool: { end: () => Promise<void> } } };
  await cache.__taskbridgeDb?.pool.end().catch(() => {});
  delete cache.__taskbridgeDb;
  process.env.DATABASE_URL = url;
}

/**
 * Holds the first request for issue page `page` of the repo's full import (no `since`) in
 * `onHit` before the fake answers it; later requests pass. Returns the requests' count
 * when it was hit (to tell which came after).
 */
export function holdPage(fake: FakeGithub, repoName: string, page: number, onHit: () => Promise<void> | void) {
  let hitAt: number | undefined;
  fake.gate = async (method, path, query) => {
    if (hitAt !== undefined || method !== 'GET' || path !== `/repos/${repoName}/issues` || query.page !== String(page) || query.since) return;
    hitAt = fake.requests.length;
    await onHit();
  };
  return { requestsAfterHit: () => fake.issueRequests(repoName).filter((r) => fake.requests.indexOf(r) >= (hitAt ?? Infinity)) };
}

/** Tasks, links and runs of one integration: what "complete, no duplicates" is checked on. */
export async function syncOutcome(integrationId: string, projectId: string) {
  const db = getDb();
  const [t] = await db.select({ n: count() }).from(tasks).where(eq(tasks.projectId, projectId));
  const [l] = await db.select({ n: count() }).from(externalTaskMappings).where(eq(externalTaskMappings.integrationId, integrationId));
  const runs = await db.select().from(syncRuns).where(eq(syncRuns.integrationId, integrationId)).orderBy(syncRuns.startedAt);
  const [integration] = await db.select().from(projectIntegrations).where(eq(projectIntegrations.id, integrationId));
  return { tasks: t!.n, links: l!.n, runs, integration: integration! };
}

/** Waits until `check` is truthy (polling), or fails after `timeoutMs`. */
export async function waitFor<T>(check: () => Promise<T>, timeoutMs = 20_000): Promise<NonNullable<T>> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await check().catch(() => undefined);
    if (v) return v as NonNullable<T>;
    if (Date.now() > end) throw new Error('waitFor: timed out');
    await new Promise((r) => setTimeout(r, 100));
  }
}
