import { z } from 'zod';

const positiveInt = (fallback: number) => z.coerce.number().int().positive().catch(fallback).default(fallback);

/** Webhook limits from the environment, parsed once per process (invalid values fall back to defaults). */
export const webhookConfigSchema = z.object({
  /** Largest accepted body; bigger requests get 413 (Content-Length first, then the bytes read). */
  WEBHOOK_MAX_BODY_BYTES: positiveInt(1024 * 1024),
  /** Verified deliveries per minute one integration may send before getting 429 (token bucket, per server instance). */
  WEBHOOK_RATE_LIMIT_PER_MINUTE: positiveInt(600),
  /**
   * Unverified requests (bad or missing signature, wrong content type, slow or oversized body)
   * per minute per integration and client address; over it → 429. Never charged to verified deliveries.
   */
  WEBHOOK_UNVERIFIED_RATE_LIMIT_PER_MINUTE: positiveInt(60),
  /** The whole body must arrive within this many ms; past it → 408 and the connection is closed. */
  WEBHOOK_BODY_TIMEOUT_MS: positiveInt(10_000),
  /** Processing attempts before a delivery is marked failed (then only a replay runs it again). */
  WEBHOOK_MAX_ATTEMPTS: positiveInt(5),
  /** Without Inngest: how often this server sweeps pending deliveries (ms). */
  WEBHOOK_SWEEP_INTERVAL_MS: positiveInt(30_000),
});
export type WebhookConfig = z.infer<typeof webhookConfigSchema>;

let cached: WebhookConfig | undefined;

export function webhookConfig(env: Record<string, string | undefined> = process.env): WebhookConfig {
  if (env !== process.env) return webhookConfigSchema.parse(env);
  cached ??= webhookConfigSchema.parse(env);
  return cached;
}
