import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createDb } from '../../db/client';
import { startTestDatabase } from '../../tests/setup/test-database';
import { buildIfStale, type NextServer } from './next-server';
import { printProfileSummary } from './profile-summary';

export const log = (...args: unknown[]) => console.log('[bench]', ...args);

/**
 * The start every server benchmark shares: a profile folder when BENCH_PROFILE=1, the
 * production build (if stale), encryption keys for the seed and the server, and a fresh
 * test database (TEST_DATABASE_URL → PostgreSQL, else PGlite) with a small pool for the bench.
 */
export async function startBench(label: string) {
  const profileDir = process.env.BENCH_PROFILE === '1' ? fs.mkdtempSync(path.join(os.tmpdir(), 'bench-prof-')) : undefined;
  buildIfStale();
  const encryptionKeys = `bench1:${randomBytes(32).toString('base64url')}`;
  process.env.TASKBRIDGE_ENCRYPTION_KEYS = encryptionKeys;
  const database = await startTestDatabase(label);
  log(`database: ${database.kind}`);
  const { db, pool } = createDb(database.env.DATABASE_URL, 2);
  return { profileDir, encryptionKeys, database, db, pool };
}

/**
 * The end every server benchmark shares: stop the server (so a --cpu-prof file is written),
 * the pool and the database, print the profile summary when profiling, then the summary as
 * the LAST line, and exit.
 */
export async function finishBench(
  bench: Awaited<ReturnType<typeof startBench>>,
  server: NextServer,
  outcome: { summaryLine: string; exitCode: number },
  cleanup: () => Promise<unknown> = async () => {},
): Promise<never> {
  await server.stop();
  await bench.pool.end().catch(() => {});
  await bench.database.stop().catch(() => {});
  await cleanup();
  if (bench.profileDir) printProfileSummary(bench.profileDir, log);
  if (outcome.summaryLine) console.log(outcome.summaryLine); // the last line
  process.exit(outcome.exitCode);
}
