import { execFile } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * A PostgreSQL cluster of a test's own (initdb + pg_ctl into a temp dir, loopback, trust
 * auth, a free port), so fault tests can stop and restart "the database" without touching
 * the shared server on 5432. Commands run as the `postgres` OS user when we are root
 * (initdb refuses root). Everything is async: the test's own servers (fakes) keep answering
 * while the cluster stops.
 */
export type OwnPostgres = {
  port: number;
  dataDir: string;
  /** postgresql://postgres@127.0.0.1:<port>/<database> */
  url: (database?: string) => string;
  createDatabase: (name: string) => Promise<string>;
  /** `immediate` is a crash (no checkpoint, connections cut); `fast` a clean shutdown. */
  stop: (mode?: 'fast' | 'immediate') => Promise<void>;
  start: () => Promise<void>;
  restart: (mode?: 'fast' | 'immediate') => Promise<void>;
  isRunning: () => Promise<boolean>;
  /** Stops the cluster if running and deletes its directory. */
  destroy: () => Promise<void>;
};

/** The newest /usr/lib/postgresql/<ver>/bin (Debian), or PG_BIN, or pg_config's bindir. */
export function postgresBinDir(): string {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  const base = '/usr/lib/postgresql';
  const versions = fs.existsSync(base) ? fs.readdirSync(base).filter((v) => fs.existsSync(path.join(base, v, 'bin', 'initdb'))) : [];
  versions.sort((a, b) => Number(b) - Number(a));
  if (versions[0]) return path.join(base, versions[0], 'bin');
  throw new Error('no PostgreSQL server binaries found (install postgresql, or set PG_BIN)');
}

/** True when initdb/pg_ctl exist here (tests skip nothing: callers decide). */
export function ownPostgresAvailable(): boolean {
  try {
    postgresBinDir();
    return true;
  } catch {
    return false;
  }
}

/** A free loopback TCP port (bound once, released). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

export async function startOwnPostgres(opts: { port?: number } = {}): Promise<OwnPostgres> {
  const bin = postgresBinDir();
  const asRoot = process.getuid?.() === 0;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tb-own-pg-'));
  if (asRoot) {
    const { stdout } = await run('id', ['-u', 'postgres']);
    const uid = Number(stdout.trim());
    const { stdout: gid } = await run('id', ['-g', 'postgres']);
    fs.chownSync(dataDir, uid, Number(gid.trim()));
  }
  const pg = (tool: string, args: string[]) =>
    asRoot ? run('runuser', ['-u', 'postgres', '--', path.join(bin, tool), ...args]) : run(path.join(bin, tool), args);
  const port = opts.port ?? (await freePort());
  await pg('initdb', ['-D', dataDir, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8', '--locale=C']);
  fs.appendFileSync(
    path.join(dataDir, 'postgresql.conf'),
    [
      `port = ${port}`,
      `listen_addresses = '127.0.0.1'`,
      `unix_socket_directories = '${dataDir}'`,
      // fsync off is safe here (the OS does not crash, only PostgreSQL); synchronous_commit stays on,
      // else an immediate stop (a crash) loses commits already acknowledged to the app.
      'fsync = off',
      'full_page_writes = off',
      'max_connections = 50',
      'shared_buffers = 32MB',
      '',
    ].join('\n'),
  );
  const logFile = path.join(dataDir, 'server.log');
  const isRunning = async () => pg('pg_ctl', ['status', '-D', dataDir]).then(() => true, () => false);
  const start = async () => {
    await pg('pg_ctl', ['start', '-D', dataDir, '-w', '-t', '60', '-l', logFile]);
  };
  const stop = async (mode: 'fast' | 'immediate' = 'fast') => {
    if (await isRunning()) await pg('pg_ctl', ['stop', '-D', dataDir, '-w', '-t', '60', '-m', mode]);
  };
  const url = (database = 'postgres') => `postgresql://postgres@127.0.0.1:${port}/${database}`;
  await start();
  return {
    port,
    dataDir,
    url,
    isRunning,
    start,
    stop,
    restart: async (mode) => {
      await stop(mode);
      await start();
    },
    createDatabase: async (name) => {
      if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`bad database name ${name}`);
      await pg('psql', ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-d', 'postgres', '-qc', `create database ${name}`]);
      return url(name);
    },
    destroy: async () => {
      await stop('immediate').catch(() => {});
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
