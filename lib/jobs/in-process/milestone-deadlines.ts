import { getDb } from '@/db/client';
import { recordMilestoneDeadlines } from '@/lib/changes/milestone-deadlines';
import { startInProcessTimer } from './timer';

/** Hourly without Inngest: milestones due soon or reached become local changes (the `milestone-deadlines` cron otherwise). */
export function startInProcessMilestoneDeadlines(env: Record<string, string | undefined> = process.env): boolean {
  const every = Number(env.MILESTONE_DEADLINES_INTERVAL_MS) > 0 ? Number(env.MILESTONE_DEADLINES_INTERVAL_MS) : 3_600_000;
  return startInProcessTimer('milestone-deadlines', every, () => recordMilestoneDeadlines(getDb()), env);
}
