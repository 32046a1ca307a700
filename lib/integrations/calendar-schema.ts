import { z } from 'zod';

/** The calendar id that asks Taskbridge to create a dedicated "Taskbridge — <project>" calendar. */
export const DEDICATED_CALENDAR = 'new';

/** Settings shared by the two calendar providers (the configure form is generated from this). */
export const calendarSettingsSchema = z.object({
  syncMilestones: z.boolean().default(true).meta({ title: 'Each milestone with a due date becomes an event' }),
  taskDeadlines: z
    .enum(['none', 'all', 'assigned_to_me', 'labels'])
    .default('all')
    .meta({
      title: 'Tasks with a due date that become events',
      optionLabels: { none: 'None', all: 'All of them', assigned_to_me: 'Those assigned to me (the person who connected)', labels: 'Those with the labels below' },
    }),
  taskLabels: z.array(z.string().trim().min(1).max(100)).max(50).default([]).meta({ title: 'Labels', description: 'Comma-separated. With "Those with the labels below": tasks carrying any of these.' }),
  onEventMoved: z.enum(['propose', 'apply', 'ignore']).default('propose').meta({
    title: 'When a deadline’s event is moved in the calendar',
    optionLabels: { propose: 'Propose the new date to an owner', apply: 'Move the deadline', ignore: 'Leave the deadline as it is' },
  }),
  onEventDeleted: z.enum(['recreate', 'unlink']).default('recreate').meta({
    title: 'When a deadline’s event is deleted in the calendar',
    optionLabels: { recreate: 'Put the event back', unlink: 'Let it go (the deadline stays in Taskbridge)' },
  }),
  completedItems: z.enum(['mark', 'remove']).default('mark').meta({
    title: 'Events of completed tasks',
    optionLabels: { mark: 'Keep them, marked ✓', remove: 'Remove them' },
  }),
  deadlineTime: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'is not HH:MM')
    .optional()
    .meta({ title: 'Time of the events', description: 'Empty: all-day events. HH:MM: 30-minute events at that time in the project’s time zone.' }),
});
export type CalendarSettings = z.infer<typeof calendarSettingsSchema>;

/** Outlook's calendarView/delta window around today; events outside it are not ours to see. */
export const CALENDAR_WINDOW = { pastDays: 30, futureDays: 365 };

export const calendarIdSchema = z.string().trim().min(1, 'is required').max(255);
