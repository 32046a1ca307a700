import { z } from 'zod';
import { taskPriorityEnum, taskStatusEnum } from '@/db/schema/tasks';
import { conflictPolicySchema, fieldDirectionSchema, jiraFieldNames } from './schema';

/**
 * What the Jira mapping page saves: statuses and priorities by Jira id, the issue type for
 * new issues, per-field directions and the conflict policy. Merged into the settings.
 */
export const jiraMappingSchema = z.object({
  projectId: z.uuid(),
  integrationId: z.uuid(),
  statusMap: z.record(z.string().trim().min(1).max(100), z.enum(taskStatusEnum.enumValues)),
  priorityMap: z.record(z.string().trim().min(1).max(100), z.enum(taskPriorityEnum.enumValues)),
  issueType: z.string().trim().min(1, 'choose an issue type').max(100),
  fieldDirections: z.partialRecord(z.enum(jiraFieldNames), fieldDirectionSchema),
  conflictPolicy: conflictPolicySchema,
  importFixVersions: z.boolean(),
});
export type JiraMappingInput = z.input<typeof jiraMappingSchema>;
