import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Db } from '@/db/client';
import { errorSummary } from '@/lib/errors';
import { isDrainToken } from '@/lib/webhooks/drain-token';
import { drainPendingDeliveries } from '@/lib/jobs/in-process/drain';

export type DrainServer = { port: number; url: string; close: () => Promise<void> };

/**
 * The job worker's only door: `POST /drain` (the edge routes' nudge, token-protected, as the
 * Next drain route) processes pending deliveries in this process and answers when done, so the
 * nudge coalesces what arrives meanwhile into one more call; `GET /health` answers 200 with
 * how many deliveries the drains of this process processed.
 * Loopback only: nothing outside the machine reaches it.
 */
export function startDrainServer(db: Db, opts: { port?: number; host?: string } = {}): Promise<DrainServer> {
  const host = opts.host ?? '127.0.0.1';
  let processed = 0;
  const server = http.createServer((req, res) => {
    const reply = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    };
    if (req.method === 'GET' && req.url === '/health') return reply(200, { ok: true, processed });
    if (req.method !== 'POST' || req.url !== '/drain') return reply(404, { error: 'not found' });
    req.resume(); // no body is read; drain it so the socket can be reused
    void (async () => {
      const header = req.headers['x-taskbridge-drain'];
      if (!(await isDrainToken(typeof header === 'string' ? header : null))) return reply(404, { error: 'not found' });
      try {
        const n = await drainPendingDeliveries(db);
        processed += n;
        reply(200, { processed: n });
      } catch (err) {
        console.error('[worker] drain failed:', errorSummary(err));
        reply(503, { error: 'drain failed; the sweep will retry' });
      }
    })();
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        port,
        url: `http://${host}:${port}/drain`,
        close: () => new Promise<void>((done) => {
          server.close(() => done());
          server.closeIdleConnections();
        }),
      });
    });
  });
}
