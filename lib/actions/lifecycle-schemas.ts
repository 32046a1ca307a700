import { z } from 'zod';
import { taskStatusEnum } from '@/db/schema/tasks';
import { labelsSchema } from './task-schema';

/** Input schemas of the bulk, delete/restore, milestone-delete and project settings actions. */
export const BULK_MAX = 200;

const taskIdsSchema = z
  .array(z.uuid({ error: 'Choose tasks from the list.' }))
  .min(1, 'Select at least one task.')
  .max(BULK_MAX, `At most ${BULK_MAX} tasks at once.`)
  .transform((ids) => [...new Set(ids)]);

/** A bulk change: one of these per request; each task gets it through the single-edit path. */
export const bulkChangeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('status'), status: z.enum(taskStatusEnum.enumValues, { error: 'Choose a status.' }) }),
  /** One member (or null = unassigned) replaces the assignees. */
  z.object({ kind: z.literal('assignee'), userId: z.union([z.uuid({ error: 'Choose a member from the list.' }), z.null()]) }),
  /** Labels added to each task's own labels. */
  z.object({ kind: z.literal('addLabels'), labels: labelsSchema.pipe(z.array(z.string()).min(1, 'Enter a label.')) }),
  z.object({ kind: z.literal('milestone'), milestoneId: z.union([z.uuid({ error: 'Choose a milestone from the list.' }), z.null()]) }),
]);
export type BulkChange = z.output<typeof bulkChangeSchema>;

export const bulkUpdateSchema = z.object({ projectId: z.string(), taskIds: taskIdsSchema, change: bulkChangeSchema });

export const deleteTasksSchema = z.object({
  projectId: z.string(),
  taskIds: taskIdsSchema,
  /** For tasks linked to an integration: leave the external item as it is, or close it. */
  external: z.enum(['leave', 'close'], { error: 'Choose what happens to the linked items.' }).default('leave'),
});

export const restoreTasksSchema = z.object({ projectId: z.string(), taskIds: taskIdsSchema });

export const deleteMilestoneSchema = z.object({ projectId: z.string(), milestoneId: z.string() });

export const updateProjectSchema = z.object({
  projectId: z.string(),
  name: z.string().trim().min(1, 'Enter a project name.').max(100, 'At most 100 characters.'),
  description: z.string().trim().max(2_000, 'At most 2,000 characters.').optional(),
});

export const deleteProjectSchema = z.object({ projectId: z.string(), confirmName: z.string() });
