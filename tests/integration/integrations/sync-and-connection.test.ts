import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db/client';
import { listIntegrationLogs } from '@/db/queries/integration-logs';
import {
  getProjectIntegration,
  integrationNeedsSync,
  integrationTokenValid,
  isTokenValid,
  needsSync,
} from '@/db/queries/integrations';
import { projectIntegrations } from '@/db/schema';
import { configureIntegration } from '@/lib/actions/configure-integration';
import { createIntegration } from '@/lib/actions/create-integration';
import { requestIntegrationSync } from '@/lib/actions/request-integration-sync';
import { loadProvider } from '@/lib/integrations/registry';
import { runConnectionTest } from '@/lib/integrations/run-connection-test';
import type { ConnectionResult, ProviderDefinition } from '@/lib/integrations/types';
import { as, projectWithRoles } from './fixtures';

vi.mock('@/lib/auth/session', () => ({ getSessionUser: async () => globalThis.__tbTestUser ?? null }));

let t: Awaited<ReturnType<typeof projectWithRoles>>;
let seq = 0;

// A configured Slack integration: Slack has no task sync, so an in-process run touches no network.
async function slackIntegration(token?: string) {
  as(t.owner);
  const r = await createIntegration({ projectId: t.project.id, providerType: 'slack' });
  if (!r.ok) throw new Error(r.error.message);
  const ref = { projectId: t.project.id, integrationId: r.data.integrationId };
  const externalId = `C${String(1_000_000 + ++seq)}`;
  const saved = await configureIntegration({ ...ref, providerType: 'slack', externalId, settings: {}, syncEnabled: true, syncIntervalSeconds: 60, accessToken: token });
  if (!saved.ok) throw new Error(saved.error.message);
  return ref;
}
const setRow = (id: string, values: Partial<typeof projectIntegrations.$inferInsert>) =>
  getDb().update(projectIntegrations).set(values).where(eq(projectIntegrations.id, id));

beforeAll(async () => {
  t = await projectWithRoles();
});

describe('sync now', () => {
  it('queues once: while a sync is queued, another request is told so and queues nothing', async () => {
    const ref = await slackIntegration();
    as(t.member);
    expect(await requestIntegrationSync(ref)).toEqual({ ok: true, data: { outcome: 'in-process' } });
    const queuedLogs = async () =>
      (await listIntegrationLogs(getDb(), ref.integrationId, { actionType: 'sync' })).filter((l) => l.description.startsWith('Sync queued'));
    expect(await queuedLogs()).toHaveLength(1);
    // The in-process run may already have finished; pin the state a not-yet-picked-up sync has.
    await setRow(ref.integrationId, { syncStatus: 'queued' });
    expect(await requestIntegrationSync(ref)).toEqual({ ok: true, data: { outcome: 'already_queued' } });
    expect(await queuedLogs()).toHaveLength(1);
  });

  it('reports a running sync instead of queuing another; an unconfigured integration is refused', async () => {
    const ref = await slackIntegration();
    await setRow(ref.integrationId, { syncStatus: 'syncing' });
    as(t.member);
    expect(await requestIntegrationSync(ref)).toEqual({ ok: true, data: { outcome: 'already_queued' } });
    as(t.owner);
    const bare = await createIntegration({ projectId: t.project.id, providerType: 'jira' });
    const r = await requestIntegrationSync({ projectId: t.project.id, integrationId: bare.ok ? bare.data.integrationId : '' });
    expect(r).toMatchObject({ ok: false, error: { code: 'unprocessable' } });
  });
});

describe('needsSync / isTokenValid', () => {
  it('needsSync: enabled, idle and interval elapsed', async () => {
    const { integrationId } = await slackIntegration();
    const db = getDb();
    const now = new Date('2026-06-01T12:00:00Z');
    await setRow(integrationId, { syncStatus: 'idle', lastSyncAt: null });
    expect(await needsSync(db, integrationId, now)).toBe(true);
    await setRow(integrationId, { lastSyncAt: new Date(now.getTime() - 59_000) });
    expect(await needsSync(db, integrationId, now)).toBe(false);
    await setRow(integrationId, { lastSyncAt: new Date(now.getTime() - 60_000) });
    expect(await needsSync(db, integrationId, now)).toBe(true);
    await setRow(integrationId, { syncStatus: 'queued' });
    expect(await needsSync(db, integrationId, now)).toBe(false);
    await setRow(integrationId, { syncStatus: 'success', syncEnabled: false });
    expect(await needsSync(db, integrationId, now)).toBe(false);
    expect(await needsSync(db, '00000000-0000-0000-0000-000000000000', now)).toBe(false);
  });

  it('isTokenValid: a token, not expired (a minute of slack), not flagged for reconnect', async () => {
    const { projectId, integrationId } = await slackIntegration('xoxb-valid-token-1234');
    const db = getDb();
    const now = new Date('2026-06-01T12:00:00Z');
    expect(await isTokenValid(db, integrationId, now)).toBe(true);
    await setRow(integrationId, { tokenExpiresAt: new Date(now.getTime() + 30_000) });
    expect(await isTokenValid(db, integrationId, now)).toBe(false);
    await setRow(integrationId, { tokenExpiresAt: new Date(now.getTime() + 3_600_000) });
    const row = (await getProjectIntegration(db, projectId, integrationId))!;
    expect(integrationTokenValid(row, now)).toBe(true);
    expect(integrationTokenValid({ ...row, connectionStatus: 'reconnect_needed' }, now)).toBe(false);
    expect(integrationTokenValid({ ...row, accessToken: null }, now)).toBe(false);
    expect(integrationNeedsSync({ ...row, isActive: false }, now)).toBe(false);
  });
});

const slack = await loadProvider('slack');

describe('connection test', () => {
  const token = 'xoxb-secret-token-abcd';
  const withTest = (fn: NonNullable<ProviderDefinition['connection']>['test']): ProviderDefinition => ({ ...slack, connection: { test: fn } });
  const load = async (ref: { projectId: string; integrationId: string }) => (await getProjectIntegration(getDb(), ref.projectId, ref.integrationId))!;

  it.each<[string, ConnectionResult | Error, string, string | null]>([
    ['ok', { ok: true, externalName: '#general' }, 'connected', null],
    ['revoked token', { ok: false, problem: 'reconnect_needed', message: `token ${token} was revoked` }, 'reconnect_needed', 'token [redacted] was revoked'],
    ['missing channel', { ok: false, problem: 'not_found', message: 'channel_not_found' }, 'error', 'channel_not_found'],
    ['a throwing provider', new Error(`boom ${token}`), 'error', 'The connection test failed unexpectedly.'],
  ])('%s → status and a logged auth attempt, never the token', async (_, result, status, error) => {
    const ref = await slackIntegration(token);
    let seen: string | null = null;
    const outcome = await runConnectionTest(getDb(), await load(ref), withTest(async (c) => {
      seen = await c.accessToken();
      if (result instanceof Error) throw result;
      return result;
    }));
    expect(seen).toBe(token);
    expect(outcome.status).toBe(status);
    const row = await load(ref);
    expect(row.connectionStatus).toBe(status);
    expect(row.connectionError).toBe(error);
    if (status === 'connected') expect(row.externalName).toBe('#general');
    const [log] = await listIntegrationLogs(getDb(), ref.integrationId, { actionType: 'auth' });
    expect(log).toMatchObject({ status: status === 'connected' ? 'success' : 'error', durationMs: expect.any(Number) });
    expect(JSON.stringify(await listIntegrationLogs(getDb(), ref.integrationId))).not.toContain(token);
  });

  it('a provider without a test says so and logs a warning, leaving the status alone', async () => {
    const ref = await slackIntegration(token);
    const { connection: _none, ...noTest } = slack;
    const outcome = await runConnectionTest(getDb(), await load(ref), noTest);
    expect(outcome).toEqual({ status: 'unavailable', message: 'Connection test not available for Slack yet.' });
    expect((await load(ref)).connectionStatus).toBe('not_configured');
    const [log] = await listIntegrationLogs(getDb(), ref.integrationId, { actionType: 'auth' });
    expect(log).toMatchObject({ status: 'warning', description: 'Connection test not available for Slack yet.' });
  });
});
