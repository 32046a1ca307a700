import { getDb } from '@/db/client';
import { inngest } from '@/inngest/client';
import { localChanged } from '@/inngest/events';
import { fanOutChange } from '@/lib/changes/fan-out';

/**
 * Fans a committed local change out to the change targets (lib/changes/targets). The row
 * carries its own retry state: a failed target leaves it pending with backoff and the
 * local-change-sweep sends it again when due; Inngest retries only a step that threw (the
 * database was unreachable).
 */
export const localChangeFanOut = inngest.createFunction(
  { id: 'local-change-fan-out', triggers: [localChanged], retries: 3 },
  async ({ event, step }) => step.run('fan-out', () => fanOutChange(getDb(), event.data.changeId)),
);
