import { z } from 'zod';
import { taskPriorityEnum, taskStatusEnum } from '@/db/schema/tasks';

export const jiraSettingsSchema = z.object({
  /** API-token auth: the Atlassian site (https://<site>.atlassian.net) and the account email. */
  siteUrl: z
    .string()
    .trim()
    .regex(/^https:\/\/[a-z0-9][a-z0-9-]{0,62}\.atlassian\.net$/, 'must be https://<site>.atlassian.net')
    .optional(),
  email: z.email().optional(),
  /** Jira status name → task status. */
  statusMap: z.record(z.string().min(1), z.enum(taskStatusEnum.enumValues)).default({
    'To Do': 'todo',
    'In Progress': 'in_progress',
    Done: 'done',
  }),
  /** Jira priority name → task priority. */
  priorityMap: z.record(z.string().min(1), z.enum(taskPriorityEnum.enumValues)).default({
    Highest: 'urgent',
    High: 'high',
    Medium: 'medium',
    Low: 'low',
    Lowest: 'low',
  }),
  /** Accept deliveries without X-Hub-Signature (the URL must then carry the integration's token). */
  allowUnsignedWebhooks: z.boolean().default(false),
});
export type JiraSettings = z.infer<typeof jiraSettingsSchema>;

export const jiraProjectKeySchema = z
  .string()
  .trim()
  .regex(/^[A-Z][A-Z0-9_]{1,9}$/, 'must be a Jira project key such as PROJ');
