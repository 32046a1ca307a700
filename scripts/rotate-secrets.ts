import '../db/node-websocket';
import { createDb } from '../db/client';
import { rotateSecrets } from '../db/queries/rotate-secrets';
import { prepareDatabase } from './with-database';

/**
 * `npm run secrets:rotate` — after a new key is put first in TASKBRIDGE_ENCRYPTION_KEYS (older
 * keys kept after it), rewrites every stored secret that is v1 or under an older key as v2 under
 * the new key. Safe to run while the app runs and to run again. Prints counts and the row ids of
 * values that cannot be decrypted (their owners re-enter them); never a value.
 */
const database = await prepareDatabase();
const { db, pool } = createDb(process.env.DATABASE_URL!, 2);
try {
  const report = await rotateSecrets(db);
  for (const [column, n] of Object.entries(report.rewritten)) console.log(`[secrets] ${column}: ${n} re-encrypted`);
  for (const u of report.unreadable) console.warn(`[secrets] unreadable, re-enter: ${u.table}.${u.column} row ${u.rowId}`);
  if (report.unreadable.length > 0) process.exitCode = 1;
} finally {
  await pool.end();
  await database.stop();
}
