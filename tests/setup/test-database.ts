import '../../db/node-websocket';
import { sql } from 'drizzle-orm';
import { createDb } from '../../db/client';
import { runMigrations } from '../../db/migrate';
import { initProviders } from '../../lib/integrations/init-providers';
import { startEmbeddedPostgres, startProxyFor } from '../../lib/dev/embedded-postgres';

/**
 * A fresh, migrated database for one test run, reached through the app's own driver:
 * a new database on the server named by TEST_DATABASE_URL (real PostgreSQL in CI), or an
 * in-memory PGlite when it is unset. Returns the env the app needs to reach it.
 */
export async function startTestDatabase(label: string): Promise<{
  env: { DATABASE_URL: string; NEON_WS_PROXY: string };
  kind: 'postgresql' | 'pglite';
  stop: () => Promise<void>;
}> {
  const server = process.env.TEST_DATABASE_URL;
  if (!server) {
    const pg = await startEmbeddedPostgres();
    await prepare(pg.url, pg.wsProxy);
    return { env: { DATABASE_URL: pg.url, NEON_WS_PROXY: pg.wsProxy }, kind: 'pglite', stop: pg.stop };
  }
  const proxy = await startProxyFor(server);
  const name = `tb_${label}_${Date.now().toString(36)}_${process.pid}`;
  process.env.NEON_WS_PROXY = proxy.wsProxy;
  const admin = createDb(server, 1);
  await admin.db.execute(sql.raw(`create database "${name}"`));
  await admin.pool.end();
  const url = new URL(server);
  url.pathname = `/${name}`;
  await prepare(url.toString(), proxy.wsProxy);
  return {
    env: { DATABASE_URL: url.toString(), NEON_WS_PROXY: proxy.wsProxy },
    kind: 'postgresql',
    stop: async () => {
      const again = createDb(server, 1);
      await again.db.execute(sql.raw(`drop database if exists "${name}" with (force)`)).catch(() => {});
      await again.pool.end();
      await proxy.stop();
    },
  };
}

/** Migrates a database and upserts the providers, through the app's driver and the given wsproxy. */
export async function prepare(url: string, wsProxy: string) {
  process.env.NEON_WS_PROXY = wsProxy;
  const { db, pool } = createDb(url, 1);
  await runMigrations(db);
  await initProviders(db);
  await pool.end();
}
