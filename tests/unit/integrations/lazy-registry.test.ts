import { describe, expect, it, vi } from 'vitest';

// Each provider SDK records that it was loaded, then is the real module.
const loaded = vi.hoisted(() => new Set<string>());
const tokenSources = vi.hoisted(() => [] as unknown[]);
vi.mock('@slack/web-api', async (original) => (loaded.add('@slack/web-api'), original()));
vi.mock('jira.js', async (original) => (loaded.add('jira.js'), original()));
vi.mock('@octokit/rest', async (original) => (loaded.add('@octokit/rest'), original()));
vi.mock('@googleapis/calendar', async (original) => (loaded.add('@googleapis/calendar'), original()));
vi.mock('arctic', async (original) => (loaded.add('arctic'), original()));
vi.mock('@/lib/integrations/connection', async (original) => {
  const real = await original<typeof import('@/lib/integrations/connection')>();
  return { ...real, setTokenSource: (source: unknown) => (tokenSources.push(source), real.setTokenSource(source as never)) };
});

describe('the provider registry loads SDKs per capability, on first use', () => {
  it('labels, pickers, tabs and action schemas load no SDK', async () => {
    const registry = await import('@/lib/integrations/registry');
    await import('@/lib/actions/integration-schemas');
    const { hasMappingPage } = await import('@/lib/integrations/mapping-pages');
    const names = registry.allProviderCores.map((p) => p.defaults.name);
    expect(names).toEqual(['GitHub', 'Slack', 'Jira', 'Google Calendar', 'Outlook Calendar']);
    expect(registry.getProviderCore('jira').externalId.label).toBe('Project key');
    expect(registry.getProviderCore('slack').settingsSchema.safeParse({}).success).toBe(true);
    expect(registry.hasCapability('github', 'taskSync')).toBe(true);
    expect(registry.hasCapability('slack', 'taskSync')).toBe(false);
    expect(registry.providerTypesWith('calendar')).toEqual(['google-calendar', 'outlook-calendar']);
    expect(registry.resolveApiBaseUrl('github', {})).toBe('https://api.github.com');
    expect(hasMappingPage('jira')).toBe(true);
    expect([...loaded]).toEqual([]);
  });

  it('still installs the OAuth token source and registers the Slack alert channel, without a client', async () => {
    await import('@/lib/integrations/registry');
    const { alertSenders } = await import('@/lib/alerts/senders');
    expect(tokenSources).toHaveLength(1);
    expect(typeof tokenSources[0]).toBe('function');
    expect(alertSenders.map((s) => s.name)).toContain('slack');
    expect([...loaded]).toEqual([]);
  });

  it('a capability loads its own SDK only, once', async () => {
    const { loadCapability, providerWith, providersWith } = await import('@/lib/integrations/registry');
    const notify = await loadCapability('slack', 'notify');
    expect(notify).not.toBeNull();
    expect(loaded.has('@slack/web-api')).toBe(true);
    expect(loaded.has('jira.js') || loaded.has('@octokit/rest') || loaded.has('@googleapis/calendar')).toBe(false);
    expect(await loadCapability('slack', 'notify')).toBe(notify);
    expect(await loadCapability('slack', 'taskSync')).toBeNull();
    expect(await providerWith('slack', 'calendar')).toBeNull();
    const github = await providerWith('github', 'taskSync');
    expect(github?.defaults.name).toBe('GitHub');
    expect(loaded.has('@octokit/rest')).toBe(true);
    expect((await providersWith('taskSync')).map((p) => p.id)).toEqual(['github', 'jira']);
    expect(loaded.has('jira.js')).toBe(true);
  });
});
