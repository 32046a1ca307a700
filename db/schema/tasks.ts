import { type InferSelectModel, sql } from 'drizzle-orm';
import { date, index, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './auth';
import { milestones, projects } from './projects';

export const taskStatusEnum = pgEnum('task_status', ['todo', 'in_progress', 'done', 'cancelled']);
export type TaskStatus = (typeof taskStatusEnum.enumValues)[number];
export const taskPriorityEnum = pgEnum('task_priority', ['low', 'medium', 'high', 'urgent']);
export type TaskPriority = (typeof taskPriorityEnum.enumValues)[number];

export const tasks = pgTable(
  'tasks',
  {
    id: uuid().primaryKey().defaultRandom(),
    projectId: uuid()
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    title: text().notNull(),
    description: text().notNull().default(''),
    status: taskStatusEnum().notNull().default('todo'),
    priority: taskPriorityEnum().notNull().default('medium'),
    labels: text().array().notNull().default(sql`'{}'::text[]`),
    /** Members assigned to the task. */
    assigneeIds: uuid().array().notNull().default(sql`'{}'::uuid[]`),
    /** Assignees from an external system who are not members (e.g. a GitHub login). */
    externalAssignees: text().array().notNull().default(sql`'{}'::text[]`),
    dueDate: date({ mode: 'string' }),
    milestoneId: uuid().references(() => milestones.id, { onDelete: 'set null' }),
    createdBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** Soft delete: set when a member deletes the task (undo clears it); every list query skips these. */
    deletedAt: timestamp({ withTimezone: true }),
  },
  // Keyset pagination walks (project, sort key, id); labels and assignees filter with array containment.
  (t) => [
    index().on(t.projectId, t.status, t.id),
    index().on(t.milestoneId),
    index('tasks_project_updated_idx').on(t.projectId, t.updatedAt, t.id),
    index('tasks_project_due_idx').on(t.projectId, sql`coalesce(${t.dueDate}, 'infinity'::date)`, t.id),
    index('tasks_project_priority_idx').on(t.projectId, t.priority, t.id),
    index('tasks_project_title_idx').on(t.projectId, sql`lower(${t.title})`, t.id),
    index('tasks_labels_idx').using('gin', t.labels),
    index('tasks_assignees_idx').using('gin', t.assigneeIds),
  ],
);
export type Task = InferSelectModel<typeof tasks>;
