import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';

export type JobWorker = { drainUrl: string; process: ChildProcess; stop: () => Promise<void> };

/**
 * Starts scripts/worker.ts as a child process with `env` (the database of the web server) and
 * resolves with its drain URL once it listens. `onExit` hears an unexpected exit.
 */
export function startJobWorker(env: NodeJS.ProcessEnv, onExit?: (code: number | null) => void): Promise<JobWorker> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'worker.ts')], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    env,
  });
  let stopping = false;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    stopping = true;
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 10_000).unref());
    if ((await Promise.race([exited, timeout])) === 'timeout') child.kill('SIGKILL');
  };
  return new Promise((resolve, reject) => {
    child.once('message', (m: { drainUrl?: string }) => {
      if (!m?.drainUrl) return reject(new Error('the job worker did not say where it listens'));
      child.once('exit', (code) => !stopping && onExit?.(code));
      resolve({ drainUrl: m.drainUrl, process: child, stop });
    });
    child.once('exit', (code) => reject(new Error(`the job worker exited with ${code} before it listened`)));
  });
}
