import net from 'node:net';
import { expect, test } from './support/fixtures';

// Issue #7 item 7: a webhook sender that trickles its body is cut off. The route's own
// deadline cannot fire under `next start` (the edge sandbox answers only once the body has
// ended), so Node's whole-request deadline does it: 408 and the connection closed.

type Outcome = { statusLine: string | null; closedAfterMs: number; bytesSent: number };

/** Sends headers promising 4 KiB, then one byte every 400 ms: at most 60 bytes, 30 s in all. */
function trickle(port: number, path: string): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    let statusLine: string | null = null;
    let bytesSent = 0;
    const socket = net.connect(port, '127.0.0.1', () => {
      socket.write(
        `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\n` +
          'X-GitHub-Event: ping\r\nX-GitHub-Delivery: slow-1\r\nContent-Length: 4096\r\n\r\n{',
      );
    });
    const drip = setInterval(() => {
      if (bytesSent >= 60 || socket.destroyed) return;
      socket.write(' ');
      bytesSent += 1;
    }, 400);
    const cap = setTimeout(() => socket.destroy(), 30_000);
    socket.on('data', (chunk) => (statusLine ??= chunk.toString('latin1').split('\r\n')[0] ?? null));
    socket.on('error', () => {}); // a reset after the 408 is fine; 'close' reports
    socket.on('close', () => {
      clearInterval(drip);
      clearTimeout(cap);
      resolve({ statusLine, closedAfterMs: Date.now() - started, bytesSent });
    });
    socket.on('timeout', () => reject(new Error('no answer')));
  });
}

test('a webhook body that trickles in is answered 408 and closed near the 10 s deadline', async ({ request, baseURL }) => {
  test.setTimeout(60_000);
  const port = Number(new URL(baseURL!).port);
  const outcome = await trickle(port, `/integrations/webhooks/github/${crypto.randomUUID()}/`);
  expect(outcome.statusLine).toBe('HTTP/1.1 408 Request Timeout');
  expect(outcome.closedAfterMs).toBeGreaterThanOrEqual(9_000);
  expect(outcome.closedAfterMs).toBeLessThan(20_000);
  expect(outcome.bytesSent).toBeLessThan(60);
  // The server goes on answering others.
  expect((await request.get('/signin')).status()).toBe(200);
});
