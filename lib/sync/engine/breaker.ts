/** The circuit breaker's rule, shared by the sync page (the check) and the sync page UI (the figure). */

/** Thrown by a sync page before it writes: the run so far would close or unlink more than the threshold. */
export class SafetyTripError extends Error {
  constructor(readonly closes: number, readonly linked: number, readonly threshold: number) {
    super(`would close ${closes} of ${linked} linked tasks`);
    this.name = 'SafetyTripError';
  }
}

export const BREAKER_SHARE = 0.2;
export const BREAKER_MIN = 50;

/** The per-integration setting `safetyThreshold` when set, else the larger of 20% of linked items and 50. */
export function safetyThreshold(settings: Record<string, unknown>, linked: number): number {
  const set = settings.safetyThreshold;
  if (typeof set === 'number' && Number.isInteger(set) && set >= 0) return set;
  return Math.max(Math.ceil(linked * BREAKER_SHARE), BREAKER_MIN);
}

/** What the owner reads on the sync page. */
export function holdMessage(h: { closes: number; unlinks?: number; linked: number }): string {
  const unlinks = h.unlinks ? ` and unlink ${h.unlinks}` : '';
  return `Paused by the safety check: would close ${h.closes}${unlinks} of ${h.linked} linked tasks`;
}
