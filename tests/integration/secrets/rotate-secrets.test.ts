import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Db, getDb } from '@/db/client';
import { createIntegration, getProjectIntegration, integrationSecret, updateIntegrationConfig } from '@/db/queries/integrations';
import { loadConnection, revealWebhookSecret } from '@/lib/integrations/connection';
import { getProviderRow } from '@/db/queries/providers';
import { rotateSecrets } from '@/db/queries/rotate-secrets';
import { integrationProviders, projectIntegrations } from '@/db/schema';
import { decryptSecret, encryptSecret } from '@/lib/crypto/secrets';
import { createProject, createUser } from '../../helpers/factories';
import { startTestDatabase } from '../../setup/test-database';
import { encryptV1 } from '../../unit/crypto/legacy-v1';

// Rotation rewrites every row of the database, so this file runs on a database of its own
// (the shared one holds other files' rows, encrypted under the run's key).
let own: Awaited<ReturnType<typeof startTestDatabase>>;
let db: Db;
beforeAll(async () => {
  own = await startTestDatabase('rotate');
  Object.assign(process.env, own.env);
  db = getDb();
});
afterAll(async () => {
  await (globalThis as unknown as { __taskbridgeDb?: { pool: { end(): Promise<void> } } }).__taskbridgeDb?.pool.end();
  await own.stop();
});

const oldKey = Buffer.alloc(32, 2).toString('base64url');
const newKey = Buffer.alloc(32, 3).toString('base64url');

async function integration(projectId: string, providerRowId: string, createdBy: string) {
  return createIntegration(db, { projectId, providerRowId, createdBy, settings: {} });
}
const stored = async (id: string) => (await db.select().from(projectIntegrations).where(eq(projectIntegrations.id, id)))[0]!;

describe('npm run secrets:rotate (rotateSecrets)', () => {
  it('rewrites v1 and old-key values as v2 under the new key; they still decrypt; unreadable ones are reported', async () => {
    process.env.TASKBRIDGE_ENCRYPTION_KEYS = `old:${oldKey}`;
    const owner = await createUser('rotation');
    const project = await createProject(owner.id);
    const github = (await getProviderRow(db, 'github'))!;
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await integration(project.id, github.id, owner.id)).id);
    const [legacy, oldKeyed, broken] = ids as [string, string, string];
    const [legacySecret, legacyToken] = ['legacy-webhook-secret-1', 'ghp_legacyTokenValue1'];
    // A v1 row, as written before associated data existed.
    await db.update(projectIntegrations).set({
      webhookSecret: await encryptV1(legacySecret, 'old', oldKey),
      accessToken: await encryptV1(legacyToken, 'old', oldKey),
      externalId: 'legacy/repo',
    }).where(eq(projectIntegrations.id, legacy));
    // A v2 row under the old key.
    await updateIntegrationConfig(db, project.id, oldKeyed, {
      externalId: 'old/repo',
      accessToken: await encryptSecret('ghp_oldKeyToken2', integrationSecret(oldKeyed, 'access_token')),
    });
    // A row holding another row's ciphertext: it cannot be decrypted, so it is left and reported.
    await db.execute(sql`update project_integrations set access_token = (select access_token from project_integrations where id = ${oldKeyed}) where id = ${broken}`);
    // The providers table is covered too.
    const providerContext = { table: 'integration_providers', column: 'oauth_client_secret', rowId: github.id } as const;
    await db.update(integrationProviders).set({ oauthClientSecret: await encryptV1('oauth-client-secret', 'old', oldKey) })
      .where(eq(integrationProviders.id, github.id));
    const before = { legacy: await revealWebhookSecret(await stored(legacy)), oldKeyed: await revealWebhookSecret(await stored(oldKeyed)), broken: await stored(broken) };

    // The new key goes first; the old one stays until the rotation ran.
    process.env.TASKBRIDGE_ENCRYPTION_KEYS = `new:${newKey},old:${oldKey}`;
    const current = await integration(project.id, github.id, owner.id);
    const report = await rotateSecrets(db, 2); // batches of 2: several transactions
    expect(report.rewritten).toEqual({
      'project_integrations.access_token': 2,
      'project_integrations.refresh_token': 0,
      'project_integrations.webhook_secret': 3,
      'integration_providers.oauth_client_secret': 1,
    });
    expect(report.unreadable).toEqual([{ table: 'project_integrations', column: 'access_token', rowId: broken }]);
    expect((await stored(current.id)).webhookSecret).toBe(current.webhookSecret); // already current: untouched
    expect((await stored(broken)).accessToken).toBe(before.broken.accessToken);

    // Everything now reads with the new key alone.
    process.env.TASKBRIDGE_ENCRYPTION_KEYS = `new:${newKey}`;
    for (const id of ids) {
      const row = await stored(id);
      expect(row.webhookSecret).toMatch(/^v2\.new\./);
      if (id !== broken) expect(row.accessToken).toMatch(/^v2\.new\./);
    }
    const withProvider = async (id: string) => ({ ...(await getProjectIntegration(db, project.id, id))!, provider: { id: github.id, providerType: 'github' as const, name: 'GitHub', apiBaseUrl: '' } });
    expect(await revealWebhookSecret(await stored(legacy))).toBe(before.legacy);
    expect(before.legacy).toBe(legacySecret);
    expect(await (await loadConnection(await withProvider(legacy))).accessToken()).toBe(legacyToken);
    expect(await revealWebhookSecret(await stored(oldKeyed))).toBe(before.oldKeyed);
    expect(await (await loadConnection(await withProvider(oldKeyed))).accessToken()).toBe('ghp_oldKeyToken2');
    const [provider] = await db.select().from(integrationProviders).where(eq(integrationProviders.id, github.id));
    expect(provider!.oauthClientSecret).toMatch(/^v2\.new\./);
    expect(await decryptSecret(provider!.oauthClientSecret!, providerContext)).toBe('oauth-client-secret');

    // A second run has nothing left to do but still names the unreadable value.
    process.env.TASKBRIDGE_ENCRYPTION_KEYS = `new:${newKey},old:${oldKey}`;
    const again = await rotateSecrets(db, 2);
    expect(Object.values(again.rewritten).every((n) => n === 0)).toBe(true);
    expect(again.unreadable).toEqual(report.unreadable);
  });
});
