import { errorSummary } from '@/lib/errors';
import { jobMode } from '../mode';

const timers = new Map<string, ReturnType<typeof setInterval>>();

/**
 * The one shape of every in-process timer (the stand-in for an Inngest cron when no Inngest
 * server is configured): started once per process, only in in-process mode with a database,
 * never overlapping itself, never keeping the process alive. Returns false when not started.
 */
export function startInProcessTimer(
  name: string,
  intervalMs: number,
  tick: () => Promise<unknown>,
  env: Record<string, string | undefined> = process.env,
): boolean {
  if (timers.has(name) || jobMode(env) !== 'in-process' || !env.DATABASE_URL) return false;
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    tick()
      .catch((err) => console.warn(`[jobs] in-process ${name} failed:`, errorSummary(err)))
      .finally(() => (running = false));
  }, intervalMs);
  timer.unref?.();
  timers.set(name, timer);
  return true;
}
