import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

/**
 * The benchmarks' production server: `next build` when stale, then `next start` on a free
 * loopback port under a shared flock (no build may replace .next while it runs). With
 * `profileDir`, node runs with --cpu-prof and `stop()` waits for the profile to be written.
 */
const root = process.cwd();
const lockFile = '/tmp/tb/build.lock';

export function buildIfStale(): void {
  fs.mkdirSync(path.dirname(lockFile), { recursive: true });
  const build = spawnSync('flock', [lockFile, process.execPath, '--import', 'tsx', 'tests/e2e/support/build-if-stale.ts'], {
    stdio: 'inherit',
    cwd: root,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

export type NextServer = { base: string; port: number; process: ChildProcess; stop: () => Promise<void> };

export async function startNextServer(options: { env: Record<string, string | undefined>; profileDir?: string }): Promise<NextServer> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const nextBin = path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next');
  // As npm start: Node's whole-request deadline (scripts/request-deadline.cjs).
  const nodeArgs = ['--require', path.join(root, 'scripts', 'request-deadline.cjs')];
  if (options.profileDir) {
    nodeArgs.push('--cpu-prof', `--cpu-prof-dir=${options.profileDir}`, '--require', path.join(root, 'scripts', 'bench', 'exit-after-sigterm.cjs'));
  }
  const child = spawn('flock', ['-s', lockFile, process.execPath, ...nodeArgs, nextBin, 'start', '-H', '127.0.0.1', '-p', String(port)], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1', NEXTAUTH_URL: base, APP_URL: base, ...options.env },
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    // flock does not forward signals: stop next start (its child); flock exits when it has.
    // Next exits on SIGTERM through process.exit (after in-flight requests), which is when
    // node writes the --cpu-prof file. Only a flock still waiting for the lock is killed.
    const kids = childPids(child.pid!);
    signal(kids.length ? kids : [child.pid!], 'SIGTERM');
    const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 30_000).unref());
    if ((await Promise.race([exited, timeout])) !== 'timeout') return;
    // Still serving a request after 30 s: kill it (an orphan would spin on the dropped database).
    console.warn('[bench] next start did not exit within 30 s of SIGTERM (a request still running?); SIGKILL, so no CPU profile');
    signal([...childPids(child.pid!), child.pid!], 'SIGKILL');
    await exited;
  };
  return { base, port, process: child, stop };
}

function signal(pids: number[], name: NodeJS.Signals): void {
  for (const pid of pids) {
    try {
      process.kill(pid, name);
    } catch {
      // already gone
    }
  }
}

function childPids(pid: number): number[] {
  try {
    return fs.readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

// Long: the shared build lock may be held by a build elsewhere (next start waits for it).
export async function waitForServer(url: string, child: ChildProcess, method = 'GET', timeoutMs = 600_000): Promise<void> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}`);
    try {
      await fetch(url, { method, redirect: 'manual' });
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  throw new Error('next start did not answer in time');
}
