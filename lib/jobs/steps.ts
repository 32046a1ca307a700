import type { Jsonify } from 'inngest/types';

/** A step's result as the job sees it: what JSON keeps of it (Inngest's step output without middleware). */
export type Memoised<T> = Jsonify<Awaited<T extends void ? null : T>>;

/**
 * The part of Inngest's `step` a job is written against, so that the same job runs as an
 * Inngest function (pass `step`: each `run` is a retried, memoised step and `sleepUntil`
 * suspends the function) and in this process (pass `inlineSteps()`: `run` just runs and
 * `sleepUntil` waits). Step results must be JSON-safe (Inngest memoises them as JSON).
 */
export type Steps = {
  run<T>(name: string, fn: () => Promise<T>): Promise<Memoised<T>>;
  sleepUntil(name: string, until: Date): Promise<void>;
};

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Steps for the in-process runner; `sleep` lets tests skip a rate-limit wait. */
export function inlineSteps(sleep: (ms: number) => Promise<void> = realSleep): Steps {
  return {
    // Results go through JSON as Inngest's would, so both runners see the same values.
    run: async <T,>(_name: string, fn: () => Promise<T>) => {
      const value = await fn();
      return (value === undefined ? null : JSON.parse(JSON.stringify(value))) as Memoised<T>;
    },
    sleepUntil: (_name, until) => sleep(Math.max(until.getTime() - Date.now(), 0)),
  };
}
