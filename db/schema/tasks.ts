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
  },
  (t) => [index().on(t.projectId, t.status), index().on(t.milestoneId)],
);
export type Task = InferSelectModel<typeof tasks>;
