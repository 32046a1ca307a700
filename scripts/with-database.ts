import '../db/node-websocket';
import path from 'node:path';
import { createDb } from '../db/client';
import { runMigrations } from '../db/migrate';
import { initProviders } from '../lib/integrations/init-providers';
import { startEmbeddedPostgres, startProxyFor } from '../lib/dev/embedded-postgres';
import { ensureLocalSecrets } from '../lib/dev/local-secrets';

/**
 * Makes a database ready for the app and says how to reach it (DATABASE_URL + NEON_WS_PROXY
 * in process.env): the configured one, or the embedded PGlite when none is configured.
 * Then applies migrations and initialises the providers.
 */
export async function prepareDatabase(opts: { dataDir?: string } = {}): Promise<{ stop: () => Promise<void> }> {
  ensureLocalSecrets();
  let stop = async () => {};
  if (!process.env.DATABASE_URL) {
    const dataDir = opts.dataDir ?? path.join(process.cwd(), '.data', 'pglite');
    const pg = await startEmbeddedPostgres(dataDir);
    process.env.DATABASE_URL = pg.url;
    process.env.NEON_WS_PROXY = pg.wsProxy;
    stop = pg.stop;
    console.log(`[db] embedded PGlite (${dataDir})`);
  } else if (!process.env.NEON_WS_PROXY && isLoopback(process.env.DATABASE_URL)) {
    const proxy = await startProxyFor(process.env.DATABASE_URL);
    process.env.NEON_WS_PROXY = proxy.wsProxy;
    stop = proxy.stop;
    console.log('[db] local PostgreSQL through a loopback wsproxy');
  }
  const { db, pool } = createDb(process.env.DATABASE_URL!, 2);
  await runMigrations(db);
  const rows = await initProviders(db);
  await pool.end();
  console.log(`[db] migrations applied, ${rows.length} providers initialised`);
  return { stop };
}

function isLoopback(url: string): boolean {
  return ['127.0.0.1', 'localhost', '[::1]'].includes(new URL(url).hostname);
}
