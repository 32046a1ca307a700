'use server';

import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { listProjectIntegrations } from '@/db/queries/integrations';
import { projects } from '@/db/schema';
import { readCalendarSettings } from '@/lib/calendar/deadline-items';
import { pushAllDeadlines } from '@/lib/calendar/push-deadline';
import { AppError, errorSummary } from '@/lib/errors';
import { hasCapability } from '@/lib/integrations/registry';
import { authedAction } from './safe-action';

function knownZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const schema = z.object({
  projectId: z.string(),
  timeZone: z.string().trim().min(1, 'Choose a time zone.').max(64).refine(knownZone, 'is not a known IANA time zone (e.g. Europe/Berlin).'),
});

/** The owner sets the project's time zone; calendars with timed deadlines are rewritten in it. */
export const updateProjectTimeZone = authedAction('owner', schema, async ({ db }, input) => {
  const [row] = await db.update(projects).set({ timeZone: input.timeZone, updatedAt: new Date() }).where(eq(projects.id, input.projectId)).returning();
  if (!row) throw new AppError('not_found', 'Project not found.');
  for (const i of await listProjectIntegrations(db, input.projectId)) {
    if (!hasCapability(i.provider.providerType, 'calendar') || !i.isActive || !readCalendarSettings(i.settings).deadlineTime) continue;
    await pushAllDeadlines(db, i).catch((err) => console.warn('[calendar] rewrite after a time-zone change failed:', errorSummary(err)));
  }
  return { timeZone: row.timeZone };
});
