import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { jobMode } from '../lib/jobs/mode';
import { formatProductionConfigError, isProductionStart, productionConfigProblems } from '../lib/production-config';
import { type JobWorker, startJobWorker } from './job-worker';
import { prepareDatabase } from './with-database';

/**
 * `npm run dev` / `npm start`: database ready (embedded PGlite when DATABASE_URL is unset),
 * migrations applied, providers initialised, then Next in a child process with that env.
 */
const mode = process.argv[2] === 'start' ? 'start' : 'dev';
// Production never generates secrets or guesses its URL: refuse to start, naming what is missing.
const problems = isProductionStart(mode, process.env) ? productionConfigProblems(process.env) : [];
if (problems.length > 0) {
  console.error(formatProductionConfigError(problems));
  process.exit(1);
}
process.env.NEXT_TELEMETRY_DISABLED ??= '1';
// next-auth builds its callback URLs from NEXTAUTH_URL, never from request headers.
process.env.NEXTAUTH_URL ??= process.env.APP_URL || `http://localhost:${process.env.PORT || 3000}`;
const db = await prepareDatabase();
// `npm start` without Inngest: webhook processing runs in a job worker process beside the web
// server (lower priority, its own pool), so processing never starves ingest. The web server's
// own drain route and sweep stay as the fallback while the worker restarts.
let worker: JobWorker | undefined;
const wantsWorker = mode === 'start' && jobMode() === 'in-process' && process.env.TASKBRIDGE_WORKER !== '0';
async function launchWorker(): Promise<void> {
  worker = await startJobWorker(process.env, (code) => {
    console.error(`[worker] exited with ${code}; restarting in 1 s (pending deliveries wait in Postgres)`);
    setTimeout(() => void launchWorker().catch((err) => console.error('[worker] restart failed:', err.message)), 1000);
  });
}
if (wantsWorker) {
  await launchWorker();
  process.env.TASKBRIDGE_DRAIN_URL = worker!.drainUrl;
  process.env.TASKBRIDGE_WORKER_PORT = new URL(worker!.drainUrl).port; // a restarted worker listens where Next nudges
  console.log(`[worker] webhook processing in a job worker (pid ${worker!.process.pid})`);
}
const args = [mode, ...process.argv.slice(3)];
// Node's whole-request deadline (408 + close) for slow senders: see scripts/request-deadline.cjs.
const preload = ['--require', path.join(import.meta.dirname, 'request-deadline.cjs')];
const child = spawn(process.execPath, [...preload, createRequire(import.meta.url).resolve('next/dist/bin/next'), ...args], {
  stdio: 'inherit',
  env: process.env,
});
let stopping = false;
async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  child.kill('SIGTERM');
  await worker?.stop();
  await db.stop().catch(() => {});
  process.exit(code);
}
child.on('exit', (code) => void shutdown(code ?? 0));
process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));
