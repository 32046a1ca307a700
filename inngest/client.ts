import { Inngest } from 'inngest';

export const inngest = new Inngest({ id: 'taskbridge' });

/** @deprecated moved to lib/jobs/mode.ts; re-exported so branches that import it here still build. */
export { type JobMode, jobMode } from '@/lib/jobs/mode';
