import http from 'node:http';
import autocannon from 'autocannon';

/** One request shape for the load generators: a POST with fixed body/headers and a per-request id header. */
export type Target = {
  url: string;
  body: string;
  headers: Record<string, string>;
  /** Header that gets a unique value per request (X-GitHub-Delivery), or none. */
  idHeader?: string;
  nextId?: () => string;
};

export type ClosedLoopResult = { rps: number; p50: number; p99: number; non2xx: number; errors: number; accepted: string[] };

/** autocannon, closed loop: `connections` clients each sending as fast as answers come back. */
export async function closedLoop(target: Target, seconds: number, connections = 10): Promise<ClosedLoopResult> {
  const accepted: string[] = [];
  const result = await autocannon({
    url: target.url,
    connections,
    duration: seconds,
    requests: [
      {
        method: 'POST',
        body: target.body,
        headers: target.headers,
        setupRequest: (req: Record<string, unknown>, context: Record<string, unknown>) => {
          if (!target.idHeader || !target.nextId) return req;
          const id = target.nextId();
          context.lastId = id;
          return { ...req, headers: { ...(req.headers as Record<string, string>), [target.idHeader]: id } };
        },
        onResponse: (status: number, _body: string, context: Record<string, unknown>) => {
          if (status >= 200 && status < 300 && typeof context.lastId === 'string') accepted.push(context.lastId);
        },
      },
    ],
  });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    accepted,
  };
}

export type PacedResult = { p50: number; p99: number; max: number; non2xx: number; accepted: string[] };

/**
 * An evenly paced open-loop sender: one request every `intervalMs`, whether or not earlier
 * ones have answered (autocannon -R bursts once a second and overstates p99).
 */
export async function openLoop(target: Target, count: number, intervalMs = 10): Promise<PacedResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  const url = new URL(target.url);
  const latencies: number[] = [];
  const accepted: string[] = [];
  let non2xx = 0;
  const send = (id: string | undefined) =>
    new Promise<void>((resolve) => {
      const started = performance.now();
      const headers = { ...target.headers, 'content-length': String(Buffer.byteLength(target.body)), ...(id && target.idHeader ? { [target.idHeader]: id } : {}) };
      const req = http.request({ host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers, agent }, (res) => {
        res.resume();
        res.on('end', () => {
          latencies.push(performance.now() - started);
          const ok = (res.statusCode ?? 0) >= 200 && (res.statusCode ?? 0) < 300;
          if (ok && id) accepted.push(id);
          if (!ok) non2xx++;
          resolve();
        });
      });
      req.on('error', () => {
        non2xx++;
        resolve();
      });
      req.end(target.body);
    });
  const inflight: Promise<void>[] = [];
  const start = performance.now();
  for (let i = 0; i < count; i++) {
    const due = start + i * intervalMs;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    inflight.push(send(target.nextId?.()));
  }
  await Promise.all(inflight);
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? NaN;
  return { p50: pct(50), p99: pct(99), max: latencies.at(-1) ?? NaN, non2xx, accepted };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
