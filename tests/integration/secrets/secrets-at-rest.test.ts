import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { logAction } from '@/db/queries/integration-logs';
import { createIntegration, getProjectIntegration, integrationSecret, setWebhookSecret, updateIntegrationConfig } from '@/db/queries/integrations';
import { loadConnection, revealWebhookSecret } from '@/lib/integrations/connection';
import { getProviderRow } from '@/db/queries/providers';
import { encryptSecret, randomSecret, secretHint } from '@/lib/crypto/secrets';
import { createProject, createUser } from '../../helpers/factories';
import { ciphertextPattern, dumpTablesAsText, pgDump, tablesContaining } from './database-dump';

// A full text dump of the database after storing a token and webhook secrets through the
// query helpers must contain none of them in plaintext, only v2.<keyId>.… ciphertexts.
describe('secrets at rest', () => {
  it('stores access tokens and webhook secrets only as ciphertext', async () => {
    const db = getDb();
    const owner = await createUser('secrets-owner');
    const project = await createProject(owner.id);
    const github = (await getProviderRow(db, 'github'))!;
    const created = await createIntegration(db, {
      projectId: project.id, providerRowId: github.id, createdBy: owner.id, settings: {},
    });
    const generatedSecret = await revealWebhookSecret(created);
    const token = `ghp_${randomSecret(18)}`;
    const chosenSecret = randomSecret(24);
    const saved = await updateIntegrationConfig(db, project.id, created.id, {
      externalId: 'octo-org/secret-repo',
      accessToken: await encryptSecret(token, integrationSecret(created.id, 'access_token')),
      accessTokenHint: secretHint(token),
      refreshToken: await encryptSecret(`${token}-refresh`, integrationSecret(created.id, 'refresh_token')),
    });
    expect(saved.ok).toBe(true);
    await logAction(db, { actionType: 'config', providerId: github.id, integrationId: created.id, description: 'Configuration saved.' });
    const dumpBeforeRotation = await dumpTablesAsText(db);
    expect(await setWebhookSecret(db, project.id, created.id, chosenSecret)).toBe(true);

    // The stored values decrypt back to what was written (so the test is looking at the real columns)…
    const row = (await getProjectIntegration(db, project.id, created.id))!;
    expect(await (await loadConnection(row)).accessToken()).toBe(token);
    expect(await revealWebhookSecret(row)).toBe(chosenSecret);
    for (const value of [row.accessToken, row.refreshToken, row.webhookSecret]) {
      expect(value).toMatch(ciphertextPattern);
      expect(value!.split('.')[1]).toBe('test1');
    }
    expect(row.accessTokenHint).toBe(token.slice(-4));

    // …and no table, before or after rotation, holds a plaintext.
    const dump = await dumpTablesAsText(db);
    expect(dump.map((t) => t.table)).toContain('public.project_integrations');
    expect(dump.find((t) => t.table === 'public.project_integrations')!.rows.some((r) => r.includes(created.id))).toBe(true);
    for (const secret of [token, `${token}-refresh`, chosenSecret]) expect(tablesContaining(dump, secret)).toEqual([]);
    expect(tablesContaining(dumpBeforeRotation, generatedSecret)).toEqual([]);

    if (process.env.TEST_DATABASE_URL) {
      const text = pgDump(process.env.DATABASE_URL!);
      if (text !== null) {
        expect(text).toContain(row.webhookSecret);
        for (const secret of [token, chosenSecret]) expect(text.includes(secret)).toBe(false);
      }
    }
  });
});
