import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * FOR BENCHMARKING ONLY: an HTTP endpoint that accepts Inngest event sends (`POST /e/<key>`)
 * and drops them, standing in for Inngest Cloud when `BENCH_JOBS=sink`, so the run measures
 * the ingest path (verify → store → send the event) without processing on the same 2 cores.
 */
export async function startEventSink(): Promise<{ url: string; received: () => number; close: () => Promise<void> }> {
  let count = 0;
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      count++;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ ids: ['sink'], status: 200 }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, received: () => count, close: () => new Promise((r) => server.close(() => r())) };
}
