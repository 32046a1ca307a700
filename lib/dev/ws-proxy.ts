import net from 'node:net';
import { WebSocketServer, type RawData } from 'ws';

/**
 * A WebSocket→TCP proxy compatible with Neon's wsproxy (`/v2?address=host:port`), so
 * @neondatabase/serverless can reach a plain Postgres (the local server or PGlite).
 * Loopback targets only: it must never become an open relay.
 */
export type WsProxy = { port: number; close: () => Promise<void> };

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);
const TERMINATE = 0x58; // 'X'

export function parseProxyAddress(raw: string | null): { host: string; port: number } | null {
  if (!raw) return null;
  const at = raw.lastIndexOf(':');
  if (at <= 0) return null;
  const host = raw.slice(0, at);
  const port = Number(raw.slice(at + 1));
  if (!LOOPBACK.has(host) || !Number.isInteger(port) || port < 1 || port > 65535) return null;
  return { host: host.replace(/^\[|\]$/g, ''), port };
}

/**
 * Tracks the frontend message stream to spot Terminate ('X', length 4). The first message
 * (StartupMessage or SSLRequest) has no type byte; every later one is type + int32 length.
 */
export class FrontendMessageTracker {
  private startupDone = false;
  private pending: Buffer = Buffer.alloc(0);

  /** Returns true when the chunk completes a Terminate message. */
  push(chunk: Buffer): boolean {
    this.pending = this.pending.length ? Buffer.concat([this.pending, chunk]) : chunk;
    let terminated = false;
    for (;;) {
      if (!this.startupDone) {
        if (this.pending.length < 8) break;
        const len = this.pending.readInt32BE(0);
        if (this.pending.length < len) break;
        const code = this.pending.readInt32BE(4);
        // SSLRequest (80877103) is followed by the real startup message.
        if (code !== 80877103) this.startupDone = true;
        this.pending = this.pending.subarray(len);
        continue;
      }
      if (this.pending.length < 5) break;
      const len = this.pending.readInt32BE(1);
      if (this.pending.length < 1 + len) break;
      if (this.pending[0] === TERMINATE) terminated = true;
      this.pending = this.pending.subarray(1 + len);
    }
    return terminated;
  }
}

function toBuffer(data: RawData): Buffer {
  if (Buffer.isBuffer(data)) return data;
  if (Array.isArray(data)) return Buffer.concat(data);
  return Buffer.from(data);
}

export function startWsProxy(options: { port?: number; host?: string } = {}): Promise<WsProxy> {
  const wss = new WebSocketServer({ host: options.host ?? '127.0.0.1', port: options.port ?? 0 });
  wss.on('connection', (ws, req) => {
    const url = new URL(req.url ?? '/', 'http://proxy');
    const target = parseProxyAddress(url.searchParams.get('address'));
    if (!target) {
      ws.close(1008, 'address must be a loopback host:port');
      return;
    }
    const socket = net.connect(target.port, target.host);
    socket.setNoDelay(true);
    const tracker = new FrontendMessageTracker();
    ws.on('message', (data) => {
      const buf = toBuffer(data);
      const terminated = tracker.push(buf);
      socket.write(buf); // net.Socket buffers writes made while it is still connecting
      // Close the TCP side on Terminate, or the server keeps the session and pool.end() hangs.
      if (terminated) socket.end();
    });
    socket.on('data', (d) => {
      if (ws.readyState === ws.OPEN) ws.send(d);
    });
    socket.on('close', () => ws.close());
    socket.on('error', () => ws.close(1011));
    ws.on('close', () => socket.destroy());
    ws.on('error', () => socket.destroy());
  });
  return new Promise((resolve, reject) => {
    wss.once('error', reject);
    wss.once('listening', () => {
      const addr = wss.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      resolve({
        port,
        close: () =>
          new Promise<void>((done) => {
            for (const c of wss.clients) c.terminate();
            wss.close(() => done());
          }),
      });
    });
  });
}
