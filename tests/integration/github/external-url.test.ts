import examples from '@octokit/webhooks-examples';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { getIntegrationById } from '@/db/queries/integrations';
import { inboundContext } from '@/lib/sync/engine/inbound';
import { processGithubEvent } from '@/lib/integrations/github/process-event';
import { createGithubIntegration, linkedTasks, startFakeForTests } from './github-fixture';

let fake: Awaited<ReturnType<typeof startFakeForTests>>;
beforeAll(async () => {
  fake = await startFakeForTests();
});
afterAll(() => fake.stop());

describe('a GitHub issue whose html_url is not a web URL', () => {
  it('is imported with no external URL (stored as null) and one log line without the value', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const fx = await createGithubIntegration(fake, { issues: 1 });
    const integration = (await getIntegrationById(fx.db, fx.integration.id))!;
    const example = examples.find((e) => e.name === 'issues')!.examples.find((e) => (e as { action: string }).action === 'opened')!;
    const issue = { ...structuredClone(fake.issue(fx.repoName, 1)), html_url: 'javascript:alert(document.cookie)//secret-ish' };
    const payload = { ...(structuredClone(example) as object), repository: { full_name: fx.repoName }, issue };
    const result = await processGithubEvent(await inboundContext(fx.db, integration), { eventType: 'issues', action: 'opened', payload });
    expect(result).toMatchObject({ action: 'opened', created: 1 });
    const [row] = await linkedTasks(integration.id);
    expect(row!.mapping).toMatchObject({ externalKey: `${fx.repoName}#1`, externalUrl: null });
    const lines = warn.mock.calls.map((c) => c.join(' '));
    expect(lines).toContain('[integrations] dropped a GitHub issue html_url: scheme javascript: is not allowed');
    expect(lines.join('\n')).not.toContain('secret-ish');
    warn.mockRestore();
  });
});
