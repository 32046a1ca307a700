import { neonConfig, Pool } from '@neondatabase/serverless';
import { drizzle, type NeonDatabase } from 'drizzle-orm/neon-serverless';
import * as schema from './schema';

/**
 * The one database path: @neondatabase/serverless over WebSocket, in production (Neon),
 * dev (PGlite behind lib/dev/ws-proxy) and tests (PostgreSQL or PGlite behind the proxy).
 * Works in the edge runtime (global WebSocket) and in Node (see db/node-websocket.ts).
 */
export type Db = NeonDatabase<typeof schema>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** Queries take this as their first parameter so a transaction or a test db can be passed. */
export type DbOrTx = Db | Tx;

/** `NEON_WS_PROXY=host:port` points the driver at a local wsproxy instead of Neon's. */
export function configureNeon(proxy = process.env.NEON_WS_PROXY): void {
  if (!proxy) return;
  neonConfig.wsProxy = (host, port) => `${proxy}/v2?address=${host}:${port}`;
  neonConfig.useSecureWebSocket = false;
  neonConfig.pipelineTLS = false;
  neonConfig.pipelineConnect = false;
}

export function createDb(connectionString: string, max = 10): { db: Db; pool: Pool } {
  configureNeon();
  // idleTimeoutMillis 0: a quiet spell must not close every connection and make the next
  // burst pay the handshakes again (see shared/MEASURED.md).
  const pool = new Pool({ connectionString, max, idleTimeoutMillis: 0 });
  pool.on('error', (err: Error) => console.error('[db] idle client error:', err.message));
  return { db: drizzle({ client: pool, schema, casing: 'snake_case' }), pool };
}

const cache = globalThis as unknown as { __taskbridgeDb?: { db: Db; pool: Pool } };

/** The process-wide database, created on first use (module-level pool persists across requests). */
export function getDb(): Db {
  if (!cache.__taskbridgeDb) {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error('DATABASE_URL is not set (npm run dev sets it for the embedded database)');
    cache.__taskbridgeDb = createDb(url);
  }
  return cache.__taskbridgeDb.db;
}
