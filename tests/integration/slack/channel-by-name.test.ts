import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db/client';
import { listIntegrationLogs } from '@/db/queries/integration-logs';
import { getIntegrationById, listProjectIntegrations } from '@/db/queries/integrations';
import { configureIntegration } from '@/lib/actions/configure-integration';
import { createIntegration } from '@/lib/actions/create-integration';
import { as } from '../integrations/fixtures';
import { BOT_TOKEN, slackProject, startSlack } from './fixture';

vi.mock('@/lib/auth/session', () => ({ getSessionUser: async () => globalThis.__tbTestUser ?? null }));

/**
 * The configure page's save (the same server action the form calls), against the fake Slack:
 * a channel typed by name is stored as its id; a name Slack does not list is a field error.
 */
describe('Slack channel typed by name', () => {
  let fake: Awaited<ReturnType<typeof startSlack>>;
  beforeAll(async () => {
    fake = await startSlack();
    fake.state.seed();
    // Enough channels that #late-arrival is on the second page of conversations.list (200 a page).
    for (let i = 0; i < 220; i++) fake.state.channels.push({ id: `C0FILL${String(i).padStart(4, '0')}`, name: `fill-${i}`, is_private: false, is_member: true });
    fake.state.channels.push({ id: 'C0LATE0001', name: 'late-arrival', is_private: false, is_member: true });
  });
  afterAll(() => fake.stop());

  /** A Slack integration of a fresh project, its owner signed in; `channel` is the stored id. */
  async function connected(channel = 'C0RANDOM01') {
    const p = await slackProject(fake, { channel });
    as(p.owner);
    const save = (over: Record<string, unknown>) =>
      configureIntegration({
        projectId: p.project.id, integrationId: p.integration.id, providerType: 'slack', externalId: '#general',
        settings: {}, syncEnabled: false, syncIntervalSeconds: 600, ...over,
      } as Parameters<typeof configureIntegration>[0]);
    return { ...p, save };
  }

  it.each(['#general', 'general', ' #General '])('%s is stored as the channel id, with its name for display', async (typed) => {
    const p = await connected();
    const r = await p.save({ externalId: typed });
    expect(r).toMatchObject({ ok: true, data: { externalId: 'C0GENERAL1', externalName: '#general' } });
    expect(await p.reload()).toMatchObject({ externalId: 'C0GENERAL1', externalName: '#general' });
  });

  it('follows the cursor to a channel on a later page, and finds private channels the bot is in', async () => {
    const p = await connected();
    const before = fake.state.calls.filter((c) => c.method === 'conversations.list').length;
    expect(await p.save({ externalId: '#late-arrival' })).toMatchObject({ ok: true, data: { externalId: 'C0LATE0001' } });
    const calls = fake.state.calls.filter((c) => c.method === 'conversations.list').slice(before);
    expect(calls).toHaveLength(2);
    expect(calls[0]!.args).toMatchObject({ types: 'public_channel,private_channel', exclude_archived: 'true' });
    expect(await p.save({ externalId: '#secret-team' })).toMatchObject({ ok: true, data: { externalId: 'G0SECRET01' } });
  });

  it('an id is stored as it is, without asking Slack', async () => {
    const p = await connected();
    const before = fake.state.calls.length;
    expect(await p.save({ externalId: 'C0GENERAL1' })).toMatchObject({ ok: true, data: { externalId: 'C0GENERAL1', externalName: null } });
    expect(fake.state.calls.length).toBe(before);
  });

  it("the set-up page's Save looks the name up with the token typed there; without one it says how to go on and creates nothing", async () => {
    const p = await connected();
    const create = (over: Record<string, unknown>) =>
      createIntegration({ projectId: p.project.id, providerType: 'slack', externalId: '#general', settings: {}, syncEnabled: false, syncIntervalSeconds: 600, ...over } as Parameters<typeof createIntegration>[0]);
    const count = async () => (await listProjectIntegrations(getDb(), p.project.id)).length;
    const before = await count();
    expect(await create({})).toMatchObject({ ok: false, error: { fieldErrors: { externalId: expect.stringContaining('Slack is not connected yet') } } });
    expect(await create({ externalId: '#nope', accessToken: BOT_TOKEN })).toMatchObject({ ok: false, error: { fieldErrors: { externalId: expect.stringContaining('No channel named #nope') } } });
    expect(await count()).toBe(before);
    const made = await create({ accessToken: BOT_TOKEN });
    expect(made).toMatchObject({ ok: true });
    const id = (made as { data: { integrationId: string } }).data.integrationId;
    expect(await getIntegrationById(getDb(), id)).toMatchObject({ externalId: 'C0GENERAL1', externalName: '#general' });
    expect(await count()).toBe(before + 1);
  });

  it('an unknown name is a field error on the channel and stores nothing new', async () => {
    const p = await connected();
    const logsBefore = (await listIntegrationLogs(getDb(), p.integration.id)).length;
    // #hidden is private without the bot: Slack does not list it to the bot, so it is unknown too.
    for (const typed of ['#nope', '#hidden']) {
      const r = await p.save({ externalId: typed, syncEnabled: true });
      expect(r).toMatchObject({
        ok: false,
        error: { code: 'bad_request', fieldErrors: { externalId: `No channel named ${typed} that the Taskbridge app can see — invite the app or paste the channel id` } },
      });
    }
    expect(await p.reload()).toMatchObject({ externalId: 'C0RANDOM01', syncEnabled: false, connectionStatus: 'connected' });
    expect((await listIntegrationLogs(getDb(), p.integration.id)).length).toBe(logsBefore);
  });

  it('without a bot token a name is refused on the field, saying how to go on; token and name in one save work', async () => {
    const p = await connected();
    const cleared = await p.save({ externalId: '#general', clearToken: true });
    expect(cleared).toMatchObject({ ok: false, error: { fieldErrors: { externalId: expect.stringContaining('Slack is not connected yet') } } });
    expect((await p.reload()).accessToken).not.toBeNull();

    fake.state.seed('xoxb-second-token');
    const withToken = await p.save({ externalId: '#general', accessToken: 'xoxb-second-token' });
    expect(withToken).toMatchObject({ ok: true, data: { externalId: 'C0GENERAL1' } });
  });

  it('a refused token is a field error on the token; Slack failing is a field message, never a 500', async () => {
    const p = await connected();
    expect(await p.save({ accessToken: 'xoxb-not-a-real-token' })).toMatchObject({
      ok: false, error: { fieldErrors: { accessToken: expect.stringContaining('Slack refused the bot token') } },
    });
    fake.state.fail('conversations.list', { error: 'internal_error' });
    expect(await p.save({})).toMatchObject({ ok: false, error: { code: 'unavailable', fieldErrors: { externalId: expect.stringContaining('could not list the channels') } } });
    expect((await p.reload()).externalId).toBe('C0RANDOM01');
  });
});
