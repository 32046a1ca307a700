import { configuredAppUrl } from '@/lib/app-url';
import { drainToken } from '@/lib/webhooks/drain-token';

/** Path of the Node route that processes pending deliveries in-process (app/api/internal/webhooks/drain). */
export const DRAIN_PATH = '/api/internal/webhooks/drain';

let inFlight: Promise<void> | undefined;
let again = false;

/**
 * In-process mode, from the edge route after the response: asks the Node side to drain
 * pending deliveries (provider processors need Node, not the edge runtime). Coalesced: while
 * one drain runs, more deliveries only mark that another is needed, so a burst costs a few
 * internal requests, not one per delivery. A lost nudge loses nothing: the sweep follows.
 * The target is the job worker's drain (TASKBRIDGE_DRAIN_URL, set by `npm start`: processing
 * then runs outside this server), else this server's drain route at APP_URL (required in
 * production), never a request's Host; `origin` is the development fallback.
 */
export function drainTarget(origin: string, env: Record<string, string | undefined> = process.env): URL {
  if (env.TASKBRIDGE_DRAIN_URL) return new URL(env.TASKBRIDGE_DRAIN_URL);
  return new URL(DRAIN_PATH, configuredAppUrl(env) ?? origin);
}

export function nudgeDrain(origin: string): Promise<void> {
  const target = drainTarget(origin);
  if (inFlight) {
    again = true;
    return Promise.resolve(); // the running nudge reports its own failure, once
  }
  inFlight = (async () => {
    do {
      again = false;
      const res = await fetch(target, { method: 'POST', headers: { 'x-taskbridge-drain': await drainToken() } });
      await res.body?.cancel();
      if (!res.ok) throw new Error(`drain answered ${res.status}`);
    } while (again);
  })().finally(() => {
    inFlight = undefined;
  });
  return inFlight;
}
