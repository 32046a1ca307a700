import path from 'node:path';
import { defineConfig } from 'vitest/config';

/**
 * Fault tests (`npm run test:faults`): the production build under `next start`, a PostgreSQL
 * cluster of the suite's own that the tests stop and restart, the GitHub fake misbehaving.
 * One file at a time: each owns a server and a cluster.
 */
export default defineConfig({
  resolve: { alias: { '@': path.resolve(import.meta.dirname) } },
  test: {
    include: ['tests/faults/**/*.test.ts'],
    setupFiles: ['db/node-websocket.ts'],
    testTimeout: 180_000,
    hookTimeout: 1_200_000, // the first hook may wait for the build lock (another tree's build), or run `next build`
    pool: 'forks',
    fileParallelism: false,
  },
});
