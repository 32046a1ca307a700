import os from 'node:os';
import { getDb } from '@/db/client';
import { drainPendingDeliveries } from '@/lib/jobs/in-process/drain';
import { startInProcessWebhookSweep } from '@/lib/jobs/in-process/webhook-sweep';
import { type DrainServer, startDrainServer } from './drain-server';

/** How much lower than the web server the worker runs (Unix nice; 0 = same priority). */
export function workerNice(env: Record<string, string | undefined> = process.env): number {
  const n = Number(env.TASKBRIDGE_WORKER_NICE ?? 10);
  return Number.isInteger(n) && n >= 0 && n <= 19 ? n : 10;
}

/**
 * The job worker (`npm start` without Inngest): webhook processing moved out of the web
 * server, so a burst of deliveries is stored at the speed of ingest and processed beside it,
 * at a lower priority, with this process's own connection pool. It serves the drain nudges
 * and sweeps pending deliveries on the webhook sweep's timer. Stopping waits for the drain
 * in progress; what it leaves pending stays in Postgres for the next sweep.
 */
export async function runJobWorker(env: Record<string, string | undefined> = process.env): Promise<DrainServer> {
  const nice = workerNice(env);
  try {
    os.setPriority(0, nice);
  } catch (err) {
    console.warn(`[worker] could not lower the priority to nice ${nice}:`, (err as Error).message);
  }
  const db = getDb();
  const server = await startDrainServer(db, { port: Number(env.TASKBRIDGE_WORKER_PORT ?? 0) });
  startInProcessWebhookSweep(env);
  // Deliveries stored while no worker ran (a restart) are processed now, not at the next sweep.
  void drainPendingDeliveries(db).catch(() => {});
  return server;
}
