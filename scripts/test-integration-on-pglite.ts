import { spawnSync } from 'node:child_process';
import path from 'node:path';

/**
 * `npm test` runs vitest once on TEST_DATABASE_URL (real PostgreSQL in CI); this runs the
 * integration tests a second time on the embedded PGlite, so CI proves both databases the
 * app runs on. Without TEST_DATABASE_URL the first run already used PGlite: nothing to do.
 */
if (!process.env.TEST_DATABASE_URL) {
  console.log('[tests] integration tests already ran on PGlite (TEST_DATABASE_URL is unset)');
  process.exit(0);
}
const env = { ...process.env };
delete env.TEST_DATABASE_URL;
// The model test's 200 random runs already ran on PostgreSQL: here its fixed seeds and 40 more.
env.MODEL_RUNS ??= '40';
const vitest = path.join(process.cwd(), 'node_modules', 'vitest', 'vitest.mjs');
const run = spawnSync(process.execPath, [vitest, 'run', 'tests/integration'], { stdio: 'inherit', env });
process.exit(run.status ?? 1);
