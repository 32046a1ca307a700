import { z } from 'zod';

/** What a Slack integration may post; each is a checkbox on the configure page. */
export const slackNotifyEvents = [
  'task_created',
  'status_changed',
  'assigned',
  'due_date_changed',
  'completed',
  'commented',
  'milestone_due_soon',
  'milestone_reached',
] as const;
export const slackNotifyEventSchema = z.enum(slackNotifyEvents);
export type SlackNotifyEvent = z.infer<typeof slackNotifyEventSchema>;
const slackNotifyEventLabels: Record<SlackNotifyEvent, string> = {
  task_created: 'a task is created',
  status_changed: 'a task changes status',
  assigned: 'a task is assigned',
  due_date_changed: 'a due date changes',
  completed: 'a task is completed',
  commented: 'someone comments',
  milestone_due_soon: 'a milestone is due soon',
  milestone_reached: 'a milestone is reached',
};

export const slackSettingsSchema = z.object({
  notifyOn: z
    .array(slackNotifyEventSchema)
    .default(['task_created', 'status_changed', 'assigned', 'completed'])
    .meta({ title: 'Post to the channel when', optionLabels: slackNotifyEventLabels }),
  /** Allow `/task …` and the buttons to act on this project. */
  slashCommandEnabled: z.boolean().default(true).meta({ title: 'Allow /task commands and the message buttons to act on this project' }),
});
export type SlackSettings = z.infer<typeof slackSettingsSchema>;

const SLACK_CHANNEL_ID = /^[CGD][A-Z0-9]{6,20}$/;
/** Slack channel names: lower-case letters (any script), digits, `-`, `_` (and `.` on old channels), at most 80. */
const SLACK_CHANNEL_NAME = /^#[\p{L}\p{N}._-]{1,80}$/u;

/**
 * A channel as people write it: its id (C0123456789), or its name with or without `#`.
 * A name comes out as `#name` (lower-case, as Slack stores it) and is resolved to its id on
 * save by `resolveSlackChannel`; an id is kept as it is.
 */
export const slackChannelSchema = z
  .string()
  .trim()
  .transform((v) => (SLACK_CHANNEL_ID.test(v) ? v : `#${v.replace(/^#/, '').toLowerCase()}`))
  .pipe(z.string().refine((v) => SLACK_CHANNEL_ID.test(v) || SLACK_CHANNEL_NAME.test(v), 'must be a channel name such as #general, or a channel id such as C0123456789'));

/** A value of slackChannelSchema that still names a channel (`#general`) rather than its id. */
export function isSlackChannelName(value: string): boolean {
  return value.startsWith('#');
}

/** Stored settings read leniently (older rows, hand edits): invalid values fall back to the defaults. */
export function readSlackSettings(settings: Record<string, unknown>): SlackSettings {
  const parsed = slackSettingsSchema.safeParse(settings);
  return parsed.success ? parsed.data : slackSettingsSchema.parse({});
}
