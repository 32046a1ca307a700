import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { getIntegrationById } from '@/db/queries/integrations';
import { loadConnection } from '@/lib/integrations/connection';
import { pullIssues } from '@/lib/integrations/github/pull-issues';
import { createGithubIntegration, startFakeForTests } from './github-fixture';

let fake: Awaited<ReturnType<typeof startFakeForTests>>;
beforeAll(async () => {
  fake = await startFakeForTests();
});
afterAll(() => fake?.stop());

describe("a backfill's expected total (the health page's ETA)", () => {
  it("comes from the first page's Link rel=last, rides the cursor through the pages, and is dropped at the end", async () => {
    const { integration } = await createGithubIntegration(fake, { issues: 250 });
    const connection = await loadConnection((await getIntegrationById(getDb(), integration.id))!);
    const first = await pullIssues(connection, null);
    expect(first.cursor).toMatchObject({ page: 2, expectedTotal: 300 });
    const second = await pullIssues(connection, first.cursor);
    expect(second.cursor).toMatchObject({ page: 3, expectedTotal: 300 });
    const third = await pullIssues(connection, second.cursor);
    expect(third.items).toHaveLength(50);
    expect(third.cursor).toMatchObject({ page: 1, expectedTotal: null });
  });
});
