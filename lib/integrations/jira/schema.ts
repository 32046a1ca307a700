import { z } from 'zod';
import { taskPriorityEnum, taskStatusEnum } from '@/db/schema/tasks';
export const conflictPolicySchema = z.enum(['newest', 'taskbridge', 'external', 'ask']);
import { safetyThresholdSchema } from '../kit/safety-threshold';
import { checkJiraSiteUrl } from './site-url';

/** How one field syncs: both ways, Jira → Taskbridge only, Taskbridge → Jira only, or not at all. */
export const fieldDirectionSchema = z.enum(['both', 'import', 'export', 'off']);
export type FieldDirection = z.infer<typeof fieldDirectionSchema>;

/** The synced fields a direction can be set for (keys of JiraFields). */
export const jiraFieldNames = ['summary', 'description', 'status', 'priority', 'labels', 'assignee', 'dueDate'] as const;
export type JiraFieldName = (typeof jiraFieldNames)[number];

export const defaultFieldDirections: Record<JiraFieldName, FieldDirection> = {
  summary: 'both', description: 'both', status: 'both', priority: 'both',
  labels: 'both', assignee: 'both', dueDate: 'both',
};

/** Jira Cloud's built-in priorities by id (a project may have others: map them by id). */
export const defaultPriorityMap: Record<string, (typeof taskPriorityEnum.enumValues)[number]> = {
  '1': 'urgent', '2': 'high', '3': 'medium', '4': 'low', '5': 'low',
};

export const jiraSettingsSchema = z.object({
  /**
   * API-token auth: the Atlassian site (https://<site>.atlassian.net, or a base named in
   * JIRA_ALLOWED_BASE_URLS) and the account's email; the token is the integration's access token.
   */
  siteUrl: z
    .string()
    .trim()
    .transform((v) => v.replace(/\/+$/, ''))
    .superRefine((v, ctx) => {
      const problem = checkJiraSiteUrl(v);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    })
    .optional()
    .meta({ title: 'Site URL', description: 'With an API token: your Atlassian site, such as https://your-team.atlassian.net.' }),
  email: z.email().optional().meta({ title: 'Account email', description: 'With an API token: the email of the Atlassian account the token belongs to.' }),
  /** OAuth 3LO: the Atlassian cloud id of the site (set by the Connect flow); calls go to api.atlassian.com/ex/jira/{cloudId}. */
  cloudId: z.string().trim().regex(/^[A-Za-z0-9-]{1,64}$/, 'must be an Atlassian cloud id').optional().meta({ editedOn: 'connect' }),
  /** Jira status id (or name) → task status. Statuses not listed follow their category: To Do → todo, In Progress → in_progress, Done → done. */
  statusMap: z.record(z.string().min(1).max(100), z.enum(taskStatusEnum.enumValues)).default({}).meta({ editedOn: 'mapping' }),
  /** Jira priority id → task priority. Ids not listed fall back to the name (Highest → urgent … Lowest → low), then medium. */
  priorityMap: z.record(z.string().min(1).max(100), z.enum(taskPriorityEnum.enumValues)).default(defaultPriorityMap).meta({ editedOn: 'mapping' }),
  /** Issue type (name or id) for issues created from tasks. */
  issueType: z.string().trim().min(1).max(100).default('Task').meta({ editedOn: 'mapping' }),
  /** Per field: both ways, Jira → Taskbridge (import), Taskbridge → Jira (export) or off. The map fields, the issue type, fix versions and the conflict policy are edited on the Mapping tab (editedOn), not on the configure form. */
  fieldDirections: z.partialRecord(z.enum(jiraFieldNames), fieldDirectionSchema).default({}).meta({ editedOn: 'mapping' }),
  /** An issue's first fix version becomes the task's milestone (Jira → Taskbridge only). */
  importFixVersions: z.boolean().default(true).meta({ editedOn: 'mapping' }),
  /** When both sides changed a field since the last sync: the newest change wins by default. */
  conflictPolicy: conflictPolicySchema.default('newest').meta({ editedOn: 'mapping' }),
  /** The circuit breaker: most tasks one sync may close or unlink before it pauses (empty: max(20% of linked, 50)). */
  safetyThreshold: safetyThresholdSchema,
  /** Accept deliveries without X-Hub-Signature (the URL must then carry the integration's token). */
  allowUnsignedWebhooks: z.boolean().default(false).meta({ title: 'Accept webhooks without a signature (the URL must then carry its token, shown with the secret)' }),
});
export type JiraSettings = z.infer<typeof jiraSettingsSchema>;

/** Settings as stored (possibly older or partial) with defaults applied; invalid parts fall back to defaults. */
export function readJiraSettings(raw: Record<string, unknown> | null | undefined): JiraSettings {
  const parsed = jiraSettingsSchema.safeParse(raw ?? {});
  if (parsed.success) return parsed.data;
  const { siteUrl: _s, ...rest } = raw ?? {};
  const retry = jiraSettingsSchema.safeParse(rest);
  return retry.success ? { ...retry.data, siteUrl: undefined } : jiraSettingsSchema.parse({});
}

export function fieldDirection(settings: Pick<JiraSettings, 'fieldDirections'>, field: JiraFieldName): FieldDirection {
  return settings.fieldDirections[field] ?? defaultFieldDirections[field];
}

/** A project key as people type it: "proj", " Proj " → "PROJ"; "proj-12" (an issue key) → "PROJ". */
export const jiraProjectKeySchema = z
  .string()
  .transform((v) => v.trim().toUpperCase().replace(/-\d+$/, ''))
  .pipe(z.string().regex(/^[A-Z][A-Z0-9_]{1,9}$/, 'must be a Jira project key such as PROJ'));
