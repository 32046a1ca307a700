import fs from 'node:fs';
import path from 'node:path';

/** What a production build depends on: when none is newer than .next/BUILD_ID, the build is current. */
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

/** True when .next/BUILD_ID of this tree is newer than every source file (no `next build` needed). */
export function buildIsCurrent(root = process.cwd()): boolean {
  const buildId = path.join(root, '.next', 'BUILD_ID');
  const builtAt = fs.existsSync(buildId) ? fs.statSync(buildId).mtimeMs : 0;
  return builtAt > Math.max(...sources.map((s) => newestMtime(path.join(root, s))));
}
