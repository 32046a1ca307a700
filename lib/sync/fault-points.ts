/**
 * Crash injection for tests: named points between two writes of a sync page or a push.
 * Production never sets the hook, so `faultPoint` does nothing there; the model test sets
 * one that throws, to prove a process dying at that point loses nothing on resume.
 */
export type FaultPoint =
  /** a sync page's tasks, mappings and cursor are written; its pushes to the provider are not yet sent */
  | 'sync.page-written'
  /** a field write reached the provider; the mapping's snapshot does not know it yet */
  | 'push.sent';

let hook: ((point: FaultPoint) => void) | null = null;

/** Tests only. */
export function setFaultHook(next: ((point: FaultPoint) => void) | null): void {
  hook = next;
}

export function faultPoint(point: FaultPoint): void {
  hook?.(point);
}
