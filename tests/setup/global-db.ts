import type { TestProject } from 'vitest/node';
import { startTestDatabase } from './test-database';

declare module 'vitest' {
  export interface ProvidedContext {
    testEnv: Record<string, string>;
  }
}

/** One fresh migrated database for the whole vitest run; workers get its env via inject. */
export default async function setup(project: TestProject) {
  const started = await startTestDatabase('vitest');
  console.log(`[tests] database: ${started.kind}`);
  project.provide('testEnv', {
    ...started.env,
    TASKBRIDGE_ENCRYPTION_KEYS: `test1:${Buffer.alloc(32, 7).toString('base64url')}`,
  });
  return started.stop;
}
