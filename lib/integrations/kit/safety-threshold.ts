import { z } from 'zod';

/** The circuit breaker's setting, the same for every task-sync provider: most tasks one sync may close or unlink before it pauses for the owner. */
export const safetyThresholdSchema = z.number().int().min(0).max(1_000_000).optional().meta({
  title: 'Safety check: most tasks one sync may close',
  description: 'A sync that would close or unlink more pauses until an owner confirms. Empty: the larger of 20% of linked tasks and 50.',
});
