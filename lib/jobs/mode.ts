/**
 * `inngest` when an Inngest server is configured (INNGEST_EVENT_KEY in production, or
 * INNGEST_DEV=1 with the Dev Server); otherwise `in-process`: work runs inside this server
 * after the response, and timers (lib/jobs/in-process) sweep what is pending. Shown in the UI.
 */
export type JobMode = 'inngest' | 'in-process';
export function jobMode(env: Record<string, string | undefined> = process.env): JobMode {
  return env.INNGEST_EVENT_KEY || env.INNGEST_DEV ? 'inngest' : 'in-process';
}
