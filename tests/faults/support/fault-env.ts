import { startProxyFor } from '@/lib/dev/embedded-postgres';
import { startFakeGithub } from '../../fakes/github/server';
import { useAppDatabase } from '../../integration/sync/recovery-fixture';
import { type OwnPostgres, startOwnPostgres } from '../../setup/own-postgres';
import { prepare } from '../../setup/test-database';
import { type AppServer, buildIfStale, startAppServer } from './app-server';

/**
 * What a fault test runs against: the GitHub fake (in this process, so the test can hold or
 * break its answers), a PostgreSQL cluster of its own (stopped and restarted by the test),
 * and the production app under `next start` with jobs in-process and short timers. This
 * process reaches the same database through the app's driver (getDb) to seed and check.
 */
export type FaultEnv = {
  fake: Awaited<ReturnType<typeof startFakeGithub>>;
  pg: OwnPostgres;
  app: AppServer;
  stop: () => Promise<void>;
};

export async function startFaultEnv(label: string): Promise<FaultEnv> {
  buildIfStale();
  const fake = await startFakeGithub();
  const pg = await startOwnPostgres();
  const url = await pg.createDatabase(`faults_${label}`);
  const proxy = await startProxyFor(url);
  const keys = `faults1:${Buffer.alloc(32, 9).toString('base64url')}`;
  Object.assign(process.env, {
    NEON_WS_PROXY: proxy.wsProxy,
    TASKBRIDGE_ENCRYPTION_KEYS: keys,
    GITHUB_API_URL: fake.url,
    GITHUB_WRITE_INTERVAL_MS: '0',
    GITHUB_MAX_WAIT_SECONDS: '0',
  });
  await prepare(url, proxy.wsProxy);
  await useAppDatabase(url);
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: url, NEXTAUTH_SECRET: 'faults-nextauth-secret-0123456789abcdef',
    // Timers shortened so each fault resolves in seconds: scheduler tick, stale heartbeat, webhook sweep.
    SYNC_SCHEDULER_INTERVAL_MS: '500', SYNC_STALE_AFTER_MS: '4000', WEBHOOK_SWEEP_INTERVAL_MS: '1000', WEBHOOK_CLAIM_LEASE_MS: '3000' };
  delete env.INNGEST_EVENT_KEY;
  delete env.INNGEST_DEV;
  delete env.TEST_DATABASE_URL;
  const teardown = async () => {
    await useAppDatabase('postgresql://closed@127.0.0.1:1/none');
    await proxy.stop();
    await fake.stop();
    await pg.destroy();
  };
  const app = await startAppServer(env).catch(async (err: unknown) => {
    await teardown();
    throw err;
  });
  return {
    fake, pg, app,
    stop: async () => {
      await app.stop();
      await teardown();
    },
  };
}
