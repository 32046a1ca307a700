import { z } from 'zod';
import { taskPriorityEnum, taskStatusEnum } from '@/db/schema/tasks';

/** Input schemas shared by the project, task and milestone actions (and their tests). */
export const LABEL_MAX_LENGTH = 40;
export const LABELS_MAX = 20;
export const ASSIGNEES_MAX = 50;

/** "bug, ui ,Bug,,x" → ["bug", "ui", "x"]: trimmed, empties dropped, deduped ignoring case, first spelling kept. */
export function parseLabels(raw: string | readonly string[]): string[] {
  const parts = typeof raw === 'string' ? raw.split(',') : raw;
  const seen = new Set<string>();
  const out: string[] = [];
  for (const part of parts) {
    const label = part.trim().replace(/\s+/g, ' ');
    const key = label.toLowerCase();
    if (!label || seen.has(key)) continue;
    seen.add(key);
    out.push(label);
  }
  return out;
}

export const labelsSchema = z
  .union([z.string(), z.array(z.string())])
  .transform((raw) => parseLabels(raw))
  .pipe(
    z
      .array(z.string().max(LABEL_MAX_LENGTH, `Each label must be at most ${LABEL_MAX_LENGTH} characters.`))
      .max(LABELS_MAX, `At most ${LABELS_MAX} labels.`),
  );

/** yyyy-mm-dd (a real calendar date) or empty/null for "no date". */
export const dueDateSchema = z
  .union([z.literal(''), z.null(), z.iso.date({ error: 'Use a date like 2026-12-31.' })])
  .transform((v) => v || null);

/** An optional reference by id: '' or null clears it. Ownership by the project is checked in the handler. */
const optionalIdSchema = z
  .union([z.literal(''), z.null(), z.uuid({ error: 'Choose an option from the list.' })])
  .transform((v) => v || null);

/** Project ids are not validated as uuids here: authedAction answers not_found for a malformed one. */
const projectIdSchema = z.string();
/** Same for task and milestone ids: the handler answers not_found, like a missing row. */
const rowIdSchema = z.string();

const titleSchema = z.string().trim().min(1, 'Enter a title.').max(200, 'At most 200 characters.');
const descriptionSchema = z.string().trim().max(10_000, 'At most 10,000 characters.');

/** One schema per task field, without defaults, so an edit can send just the fields it changes. */
const taskFieldSchemas = {
  title: titleSchema,
  description: descriptionSchema,
  status: z.enum(taskStatusEnum.enumValues, { error: 'Choose a status.' }),
  priority: z.enum(taskPriorityEnum.enumValues, { error: 'Choose a priority.' }),
  labels: labelsSchema,
  assigneeIds: z
    .array(z.uuid({ error: 'Choose members from the list.' }))
    .max(ASSIGNEES_MAX, `At most ${ASSIGNEES_MAX} assignees.`)
    .transform((ids) => [...new Set(ids)]),
  dueDate: dueDateSchema,
  milestoneId: optionalIdSchema,
};

export const createTaskSchema = z.object({
  projectId: projectIdSchema,
  title: taskFieldSchemas.title,
  description: taskFieldSchemas.description.default(''),
  status: taskFieldSchemas.status.default('todo'),
  priority: taskFieldSchemas.priority.default('medium'),
  labels: taskFieldSchemas.labels.default([]),
  assigneeIds: taskFieldSchemas.assigneeIds.default([]),
  dueDate: taskFieldSchemas.dueDate.default(null),
  milestoneId: taskFieldSchemas.milestoneId.default(null),
});
export type TaskFields = Omit<z.output<typeof createTaskSchema>, 'projectId'>;

/** Edits send only the fields they change; the rest stay as they are. */
export const updateTaskSchema = z.object({
  projectId: projectIdSchema,
  taskId: rowIdSchema,
  ...z.object(taskFieldSchemas).partial().shape,
});

export const createProjectSchema = z.object({
  name: z.string().trim().min(1, 'Enter a project name.').max(100, 'At most 100 characters.'),
  description: z.string().trim().max(2_000, 'At most 2,000 characters.').default(''),
});

export const memberEmailSchema = z.object({
  projectId: projectIdSchema,
  email: z.string().trim().toLowerCase().pipe(z.email({ error: 'Enter a valid email address.' })),
});

export const removeMemberSchema = z.object({ projectId: projectIdSchema, userId: rowIdSchema });

export const createMilestoneSchema = z.object({
  projectId: projectIdSchema,
  title: titleSchema,
  description: descriptionSchema.default(''),
  dueDate: dueDateSchema.default(null),
});
export const updateMilestoneSchema = z.object({
  projectId: projectIdSchema,
  milestoneId: rowIdSchema,
  ...z.object({ title: titleSchema, description: descriptionSchema, dueDate: dueDateSchema }).partial().shape,
});

/** True when `id` could be a row id; malformed ids are answered like missing rows. */
export const isUuid = (id: string) => z.uuid().safeParse(id).success;
