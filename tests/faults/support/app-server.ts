import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { buildIsCurrent } from '../../e2e/support/build-state';
import { freePort } from '../../setup/own-postgres';

/**
 * The production build under `next start`, for fault tests: built when stale by the e2e
 * script (tests/e2e/support/build-if-stale.ts) under the same machine-wide lock, served under
 * that lock held shared (as tests/e2e/support/serve.ts does), and killable with SIGKILL.
 */
const root = process.cwd();
const lockFile = path.join(os.tmpdir(), 'tb', 'build.lock');

export function buildIfStale(): void {
  // Only this tree's `next build` writes its .next: when current, no need to queue for the lock.
  if (process.env.E2E_FORCE_BUILD !== '1' && buildIsCurrent(root)) return;
  fs.mkdirSync(path.dirname(lockFile), { recursive: true });
  const build = spawnSync('flock', [lockFile, process.execPath, '--import', 'tsx', path.join(root, 'tests/e2e/support/build-if-stale.ts')], {
    stdio: 'inherit',
    cwd: root,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
  });
  if (build.status !== 0) throw new Error(`next build failed (${build.status})`);
}

export type AppServer = {
  url: string;
  /** Output of the current server process (for assertions on its log). */
  output: () => string;
  /** SIGKILL of the Node process itself: no shutdown hooks, no after() callbacks. */
  kill: () => Promise<void>;
  start: () => Promise<void>;
  stop: () => Promise<void>;
};

/** Every descendant (next start forks next-server, which must not outlive the test). */
function descendantPids(pid: number): number[] {
  let children: number[] = [];
  try {
    children = fs.readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
  return children.flatMap((c) => [...descendantPids(c), c]);
}

const alive = (pid: number) => fs.existsSync(`/proc/${pid}`) && !/^State:\s+Z/m.test(readStatus(pid));
const readStatus = (pid: number) => {
  try {
    return fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  } catch {
    return 'State: Z';
  }
};

async function allGone(pids: number[], timeoutMs: number): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  while (pids.some(alive)) {
    if (Date.now() > end) return false;
    await new Promise((r) => setTimeout(r, 100));
  }
  return true;
}

export async function startAppServer(env: NodeJS.ProcessEnv, port?: number): Promise<AppServer> {
  const appPort = port ?? (await freePort());
  const url = `http://127.0.0.1:${appPort}`;
  const nextBin = createRequire(import.meta.url).resolve('next/dist/bin/next');
  let child: ChildProcess | undefined;
  let log = '';
  const start = async () => {
    log = '';
    const proc = spawn('flock', ['-s', lockFile, process.execPath, nextBin, 'start', '-H', '127.0.0.1', '-p', String(appPort)], {
      cwd: root,
      env: { ...env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1', NEXTAUTH_URL: url, APP_URL: url },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child = proc;
    proc.stdout!.on('data', (d: Buffer) => (log += d.toString()));
    proc.stderr!.on('data', (d: Buffer) => (log += d.toString()));
    // Up to 10 min: the shared lock waits while another tree's `next build` holds it.
    const end = Date.now() + 600_000;
    for (;;) {
      if (proc.exitCode !== null) throw new Error(`next start exited (${proc.exitCode}):\n${log}`);
      const up = await fetch(`${url}/api/auth/providers`).then((r) => r.status < 500, () => false);
      if (up) return;
      if (Date.now() > end) {
        await signal('SIGKILL');
        throw new Error(`next start did not answer in 10 min:\n${log}`);
      }
      await new Promise((r) => setTimeout(r, 250));
    }
  };
  const signal = async (sig: NodeJS.Signals) => {
    const proc = child;
    if (!proc?.pid || proc.exitCode !== null || proc.signalCode) return;
    const exited = new Promise<void>((r) => proc.once('exit', () => r()));
    // flock does not pass signals on: signal next and its next-server (deepest first), then flock.
    const pids = [...descendantPids(proc.pid), proc.pid];
    const send = (s: NodeJS.Signals, list: number[]) => {
      for (const pid of list) {
        try {
          process.kill(pid, s);
        } catch {
          // already gone
        }
      }
    };
    send(sig, pids);
    // A next-server still finishing requests (or retrying a database that is gone) must not
    // outlive the test: it would spin and keep holding the build lock. SIGKILL what is left.
    if (!(await allGone(pids, 10_000))) {
      send('SIGKILL', pids);
      await allGone(pids, 10_000);
    }
    await exited;
  };
  await start();
  return { url, output: () => log, kill: () => signal('SIGKILL'), stop: () => signal('SIGTERM'), start };
}
