import fs from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { startWsProxy } from './ws-proxy';

/**
 * PGlite as a Postgres server on loopback (pglite-socket), plus the wsproxy in front of it,
 * so the app reaches it through @neondatabase/serverless exactly as it reaches Neon.
 * dataDir undefined → in memory (tests); a folder → persistent (npm run dev).
 */
export type EmbeddedPostgres = { url: string; wsProxy: string; stop: () => Promise<void> };

export async function startEmbeddedPostgres(dataDir?: string): Promise<EmbeddedPostgres> {
  // PGlite creates only the last folder: `npm start` with every secret set never made .data/.
  if (dataDir) fs.mkdirSync(dataDir, { recursive: true });
  const pg = await PGlite.create(dataDir);
  const server = new PGLiteSocketServer({ db: pg, host: '127.0.0.1', port: 0, maxConnections: 64 });
  await server.start();
  const port = Number(server.getServerConn().split(':').pop());
  const proxy = await startWsProxy();
  return {
    url: `postgresql://postgres:postgres@127.0.0.1:${port}/postgres`,
    wsProxy: `127.0.0.1:${proxy.port}`,
    stop: async () => {
      await proxy.close();
      await server.stop();
      await pg.close();
    },
  };
}

/** For a Postgres on loopback (the local test server): only the wsproxy is needed. */
export async function startProxyFor(url: string): Promise<{ wsProxy: string; stop: () => Promise<void> }> {
  const host = new URL(url).hostname;
  if (!['127.0.0.1', 'localhost', '::1', '[::1]'].includes(host)) {
    throw new Error('a local wsproxy only serves loopback databases; set NEON_WS_PROXY or use Neon');
  }
  const proxy = await startWsProxy();
  return { wsProxy: `127.0.0.1:${proxy.port}`, stop: proxy.close };
}
