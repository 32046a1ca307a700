/**
 * Retries a provider call on throttling: 429, and 403 with reason rateLimitExceeded /
 * userRateLimitExceeded (Google). Waits Retry-After when given, else exponential backoff
 * with jitter. `CALENDAR_RETRY_BASE_MS` shortens the waits (tests).
 */
export type Throttle = { retryAfterMs: number | null } | null;

export async function withRetry<T>(
  call: () => Promise<T>,
  throttled: (err: unknown) => Throttle,
  opts: { attempts?: number; baseMs?: number; maxWaitMs?: number } = {},
): Promise<T> {
  const attempts = opts.attempts ?? 5;
  const baseMs = opts.baseMs ?? (Number(process.env.CALENDAR_RETRY_BASE_MS) || 1000);
  const maxWaitMs = opts.maxWaitMs ?? 60_000;
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (err) {
      const t = throttled(err);
      if (!t || attempt >= attempts) throw err;
      const backoff = baseMs * 2 ** (attempt - 1) * (1 + Math.random() / 2);
      await new Promise((r) => setTimeout(r, Math.min(maxWaitMs, t.retryAfterMs ?? backoff)));
    }
  }
}

/** Retry-After as seconds or an HTTP date, in ms. */
export function parseRetryAfter(value: string | null | undefined, now = Date.now()): number | null {
  if (!value) return null;
  if (/^\d+$/.test(value.trim())) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

/** A semaphore: at most `limit` calls at once per key (Graph: 4 concurrent requests per mailbox). */
export class KeyedLimiter {
  private readonly active = new Map<string, number>();
  private readonly waiting = new Map<string, Array<() => void>>();
  constructor(private readonly limit: number) {}

  async run<T>(key: string, fn: () => Promise<T>): Promise<T> {
    if ((this.active.get(key) ?? 0) >= this.limit) {
      await new Promise<void>((resolve) => {
        const q = this.waiting.get(key) ?? [];
        q.push(resolve);
        this.waiting.set(key, q);
      });
    } else {
      this.active.set(key, (this.active.get(key) ?? 0) + 1);
    }
    try {
      return await fn();
    } finally {
      const next = this.waiting.get(key)?.shift();
      if (next) next(); // hands its slot straight to the next caller
      else {
        const n = (this.active.get(key) ?? 1) - 1;
        if (n <= 0) this.active.delete(key);
        else this.active.set(key, n);
        this.waiting.delete(key);
      }
    }
  }
}
