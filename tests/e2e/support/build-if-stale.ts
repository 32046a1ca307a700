import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * `next build` unless .next/BUILD_ID is newer than every source file. Run by serve.ts under
 * an exclusive flock, so the check and the build happen with no other build in between.
 */
const root = process.cwd();
const sources = [
  'app', 'lib', 'db', 'inngest', 'public', 'next.config.ts', 'instrumentation.ts', 'proxy.ts',
  'middleware.ts', 'postcss.config.mjs', 'tsconfig.json', 'package.json', 'package-lock.json',
];

// Newest modification time under a file or folder (0 when it does not exist).
function newestMtime(target: string): number {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(target);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

const buildId = path.join(root, '.next', 'BUILD_ID');
const builtAt = fs.existsSync(buildId) ? fs.statSync(buildId).mtimeMs : 0;
const sourcesAt = Math.max(...sources.map((s) => newestMtime(path.join(root, s))));
if (process.env.E2E_FORCE_BUILD !== '1' && builtAt > sourcesAt) {
  console.log('[e2e] production build is up to date (.next/BUILD_ID newer than the sources)');
} else {
  console.log('[e2e] next build …');
  const started = Date.now();
  const next = createRequire(import.meta.url).resolve('next/dist/bin/next');
  const result = spawnSync(process.execPath, [next, 'build'], { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
  if (result.status !== 0) process.exit(result.status ?? 1);
  console.log(`[e2e] next build done in ${Math.round((Date.now() - started) / 1000)} s`);
}
