import { spawn } from 'node:child_process';
import path from 'node:path';
import { parseArgs } from 'node:util';

/**
 * The long version of the GitHub two-way sync model test:
 *   npm run test:model -- --runs 10000 [--minutes 60] [--shards 2] [--seed N --path P]
 * `--minutes` stops after that long and reports how many runs passed; `--shards N` splits the
 * runs over N vitest processes, each with its own random seed (a run is one fresh project and
 * repository, so shards share nothing but the database); `--seed`/`--path` replay a failure
 * printed by a previous run. Uses TEST_DATABASE_URL when set (PostgreSQL), otherwise PGlite,
 * like npm test.
 */
const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '10000' }, minutes: { type: 'string' }, shards: { type: 'string', default: '1' },
    seed: { type: 'string' }, path: { type: 'string' },
  },
});
const runs = Number(values.runs);
const shards = values.seed ? 1 : Math.max(1, Math.min(Number(values.shards) || 1, runs));
const vitest = path.join(process.cwd(), 'node_modules', 'vitest', 'vitest.mjs');
const started = Date.now();

type ShardResult = { code: number; runs: number; seed: string | null; interrupted: boolean };

/** One vitest process running its share of the random runs; its `[model]` line says how many passed. */
function shard(index: number, share: number): Promise<ShardResult> {
  const env: NodeJS.ProcessEnv = { ...process.env, MODEL_RUNS: String(share) };
  if (values.minutes) env.MODEL_TIME_LIMIT_MS = String(Number(values.minutes) * 60_000);
  if (values.seed) env.MODEL_SEED = values.seed;
  if (values.path) env.MODEL_PATH = values.path;
  const child = spawn(process.execPath, [vitest, 'run', 'tests/integration/github/sync-model.test.ts', '-t', 'random runs'], {
    env, stdio: ['ignore', 'pipe', 'pipe'],
  });
  const result: ShardResult = { code: 1, runs: 0, seed: null, interrupted: false };
  const prefix = shards > 1 ? `[shard ${index + 1}/${shards}] ` : '';
  const forward = (to: NodeJS.WriteStream) => (chunk: Buffer) => {
    const text = chunk.toString();
    const line = /\[model\] (\d+) runs, seed (-?\d+).*?(\(time limit\))?$/m.exec(text);
    if (line) Object.assign(result, { runs: Number(line[1]), seed: line[2], interrupted: Boolean(line[3]) });
    to.write(prefix ? text.replace(/^(?=.)/gm, prefix) : text);
  };
  child.stdout.on('data', forward(process.stdout));
  child.stderr.on('data', forward(process.stderr));
  return new Promise((resolve) => child.on('close', (code) => resolve({ ...result, code: code ?? 1 })));
}

const shares = Array.from({ length: shards }, (_, i) => Math.floor(runs / shards) + (i < runs % shards ? 1 : 0));
const results = await Promise.all(shares.map((share, i) => shard(i, share)));
const passed = results.reduce((n, r) => n + (r.code === 0 ? r.runs : 0), 0);
const failed = results.filter((r) => r.code !== 0);
const minutes = ((Date.now() - started) / 60_000).toFixed(1);
console.log(
  `[model] total: ${passed} random runs passed in ${shards} shard(s), ${failed.length} shard(s) failed, ${minutes} min; ` +
    `seeds ${results.map((r) => r.seed ?? '?').join(', ')}${results.some((r) => r.interrupted) ? ' (time limit)' : ''}`,
);
process.exit(failed.length ? 1 : 0);
