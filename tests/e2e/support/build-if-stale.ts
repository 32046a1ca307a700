import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { buildIsCurrent } from './build-state';

/**
 * `next build` unless .next/BUILD_ID is newer than every source file. Run by serve.ts under
 * an exclusive flock, so the check and the build happen with no other build in between.
 */
if (process.env.E2E_FORCE_BUILD !== '1' && buildIsCurrent()) {
  console.log('[e2e] production build is up to date (.next/BUILD_ID newer than the sources)');
} else {
  console.log('[e2e] next build …');
  const started = Date.now();
  const next = createRequire(import.meta.url).resolve('next/dist/bin/next');
  const result = spawnSync(process.execPath, [next, 'build'], { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
  if (result.status !== 0) process.exit(result.status ?? 1);
  console.log(`[e2e] next build done in ${Math.round((Date.now() - started) / 1000)} s`);
}
