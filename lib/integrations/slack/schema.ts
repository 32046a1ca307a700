import { z } from 'zod';

export const slackNotifyEventSchema = z.enum(['task.created', 'task.updated', 'task.completed', 'task.deleted']);

export const slackSettingsSchema = z.object({
  notifyOn: z.array(slackNotifyEventSchema).default(['task.created', 'task.completed']),
  /** Allow `/task <title>` in the channel to create tasks in this project. */
  slashCommandEnabled: z.boolean().default(true),
});
export type SlackSettings = z.infer<typeof slackSettingsSchema>;

export const slackChannelSchema = z
  .string()
  .trim()
  .regex(/^[CGD][A-Z0-9]{6,20}$/, 'must be a Slack channel id such as C0123456789');
