import { afterAll, beforeAll } from 'vitest';
import { startFakeOAuth } from '../../fakes/oauth/server';

/** The app's origin as the OAuth fakes see it (APP_URL while they run). */
export const APP = 'http://app.test';

/** Starts the OAuth fakes for the calling test file and stops them after it; `.current` is set once it runs. */
export function useFakeOAuth(): { current: Awaited<ReturnType<typeof startFakeOAuth>> } {
  const fakes = {} as { current: Awaited<ReturnType<typeof startFakeOAuth>> };
  beforeAll(async () => {
    fakes.current = await startFakeOAuth();
    Object.assign(process.env, fakes.current.env, { APP_URL: APP });
  });
  afterAll(() => fakes.current.stop());
  return fakes;
}
