import type { IntegrationConnection } from '@/lib/integrations/types';
import { type FakeJira, startFakeJira } from '@/tests/fakes/jira/server';

export const PROJECT = 'PROJ';
export const EMAIL = 'bot@example.com';
export const TOKEN = 'jira-api-token-1';

/** A fake Jira the client may call: its loopback base is allow-listed for this test run only. */
export async function startJira(): Promise<FakeJira & { stop: () => Promise<void> }> {
  const fake = await startFakeJira();
  process.env.JIRA_ALLOWED_BASE_URLS = fake.url;
  process.env.JIRA_ALLOW_PRIVATE_ADDRESSES = '1';
  fake.addProject(PROJECT);
  fake.addUser(EMAIL, TOKEN);
  return fake;
}

export function connectionFor(
  fake: FakeJira,
  opts: { settings?: Record<string, unknown>; token?: string | null; integrationId?: string; oauth?: boolean } = {},
): IntegrationConnection {
  const auth = opts.oauth ? { cloudId: fake.cloudId } : { siteUrl: fake.url, email: EMAIL };
  return {
    integrationId: opts.integrationId ?? crypto.randomUUID(),
    apiBaseUrl: fake.url,
    accessToken: async () => (opts.token === undefined ? TOKEN : opts.token),
    externalId: PROJECT,
    settings: { ...auth, ...opts.settings },
  };
}
