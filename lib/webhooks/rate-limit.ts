type Bucket = { tokens: number; updated: number };

/**
 * A token bucket per integration in module memory (per server instance): `perMinute`
 * requests a minute with bursts up to the same number. Returns the seconds to wait when empty.
 */
export class RateLimiter {
  private buckets = new Map<string, Bucket>();
  constructor(private readonly perMinute: number, private readonly now: () => number = Date.now) {}

  take(key: string): { ok: true } | { ok: false; retryAfterSeconds: number } {
    const now = this.now();
    const rate = this.perMinute / 60_000;
    const bucket = this.buckets.get(key) ?? { tokens: this.perMinute, updated: now };
    bucket.tokens = Math.min(this.perMinute, bucket.tokens + (now - bucket.updated) * rate);
    bucket.updated = now;
    if (this.buckets.size > 10_000) this.buckets.clear();
    this.buckets.set(key, bucket);
    if (bucket.tokens < 1) return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / rate / 1000)) };
    bucket.tokens -= 1;
    return { ok: true };
  }
}
