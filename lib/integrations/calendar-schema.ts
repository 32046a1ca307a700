import { z } from 'zod';

/** Settings shared by the two calendar providers. */
export const calendarSettingsSchema = z.object({
  syncMilestones: z.boolean().default(true),
  syncTaskDueDates: z.boolean().default(true),
  /** Calendar changes (moved events) flow back to due dates. */
  twoWay: z.boolean().default(false),
  timeZone: z.string().trim().min(1).max(64).default('UTC'),
});
export type CalendarSettings = z.infer<typeof calendarSettingsSchema>;

export const calendarIdSchema = z.string().trim().min(1, 'is required').max(255);
