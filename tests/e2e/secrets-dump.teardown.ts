import { expect, test } from '@playwright/test';
import { sql } from 'drizzle-orm';
import { ciphertextPattern, dumpTablesAsText, pgDump, tablesContaining } from '../integration/secrets/database-dump';
import { readE2eEnv, rememberedSecrets } from './support/e2e-env';
import { openE2eDb } from './support/e2e-db';

// Runs after every spec (the teardown project): the whole database, as text, must not hold
// a single plaintext token or webhook secret that the specs typed or were shown.
test('the e2e database holds no plaintext token or webhook secret', async () => {
  const { db, close } = openE2eDb();
  try {
    const dump = await dumpTablesAsText(db);
    expect(dump.map((t) => t.table)).toContain('public.project_integrations');
    const stored = await db.execute<{ access_token: string | null; refresh_token: string | null; webhook_secret: string }>(
      sql`select access_token, refresh_token, webhook_secret from project_integrations`,
    );
    const secrets = rememberedSecrets();
    if (stored.rows.length > 0) {
      // Integrations were created, so the specs must have recorded what they typed and saw.
      expect(secrets.map((s) => s.label)).toEqual(expect.arrayContaining(['access token', 'webhook secret']));
    }
    for (const row of stored.rows) {
      expect(row.webhook_secret).toMatch(ciphertextPattern);
      if (row.access_token !== null) expect(row.access_token).toMatch(ciphertextPattern);
      if (row.refresh_token !== null) expect(row.refresh_token).toMatch(ciphertextPattern);
    }
    const pg = readE2eEnv().DATABASE_KIND === 'postgresql' ? pgDump(readE2eEnv().DATABASE_URL) : null;
    for (const { label, value } of secrets) {
      expect(value.length, `${label} is long enough to search for`).toBeGreaterThanOrEqual(12);
      expect(tablesContaining(dump, value), `${label} found in these tables`).toEqual([]);
      if (pg !== null) expect(pg.includes(value), `${label} found in pg_dump`).toBe(false);
    }
    console.log(`[dump] ${dump.length} tables, ${dump.reduce((n, t) => n + t.rows.length, 0)} rows, ${secrets.length} secrets checked${pg !== null ? ', pg_dump too' : ''}`);
  } finally {
    await close();
  }
});
