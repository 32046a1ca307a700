import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { parseArgs } from 'node:util';

/**
 * The long version of the GitHub two-way sync model test:
 *   npm run test:model -- --runs 10000 [--minutes 60] [--seed N --path P]
 * `--minutes` stops after that long and reports how many runs passed; `--seed`/`--path`
 * replay a failure printed by a previous run. Uses TEST_DATABASE_URL when set (PostgreSQL),
 * otherwise PGlite, like npm test.
 */
const { values } = parseArgs({
  options: { runs: { type: 'string', default: '10000' }, minutes: { type: 'string' }, seed: { type: 'string' }, path: { type: 'string' } },
});
const env: NodeJS.ProcessEnv = { ...process.env, MODEL_RUNS: values.runs };
if (values.minutes) env.MODEL_TIME_LIMIT_MS = String(Number(values.minutes) * 60_000);
if (values.seed) env.MODEL_SEED = values.seed;
if (values.path) env.MODEL_PATH = values.path;
const vitest = path.join(process.cwd(), 'node_modules', 'vitest', 'vitest.mjs');
const run = spawnSync(process.execPath, [vitest, 'run', 'tests/integration/github/sync-model.test.ts', '-t', 'random runs'], { stdio: 'inherit', env });
process.exit(run.status ?? 1);
