import '../../../db/node-websocket';
import { createDb, type Db } from '../../../db/client';
import { readE2eEnv } from './e2e-env';

/**
 * The e2e run's database, reached the way the app reaches it (neon driver + wsproxy), for
 * specs that arrange or check rows. Call `close()` when done.
 */
export function openE2eDb(): { db: Db; close: () => Promise<void> } {
  const env = readE2eEnv();
  process.env.NEON_WS_PROXY = env.NEON_WS_PROXY;
  const { db, pool } = createDb(env.DATABASE_URL, 2);
  return { db, close: () => pool.end() };
}
