import '../db/node-websocket';
import { runJobWorker } from '../lib/jobs/worker/run-worker';

/**
 * The job worker process, started by `npm start` (scripts/job-worker.ts) when no Inngest
 * server is configured. Tells its parent the drain URL over IPC (or prints it when run alone).
 */
const server = await runJobWorker();
if (process.send) process.send({ drainUrl: server.url });
else console.log(`[worker] drain at ${server.url}`);
let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await server.close();
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
process.on('disconnect', () => void stop()); // the parent is gone
