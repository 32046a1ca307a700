import { type InferSelectModel, sql } from 'drizzle-orm';
import { date, index, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './auth';

export const projectRoleEnum = pgEnum('project_role', ['owner', 'member']);
export type ProjectRole = (typeof projectRoleEnum.enumValues)[number];

export const projects = pgTable('projects', {
  id: uuid().primaryKey().defaultRandom(),
  name: text().notNull(),
  description: text().notNull().default(''),
  /** IANA zone of the project's deadlines (calendar events, timed deadlines). */
  timeZone: text().notNull().default('UTC'),
  createdBy: uuid().references(() => users.id, { onDelete: 'set null' }),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
export type Project = InferSelectModel<typeof projects>;

export const projectMembers = pgTable(
  'project_members',
  {
    projectId: uuid()
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: projectRoleEnum().notNull().default('member'),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.userId] }), index().on(t.userId)],
);
export type ProjectMember = InferSelectModel<typeof projectMembers>;

export const milestones = pgTable(
  'milestones',
  {
    id: uuid().primaryKey().defaultRandom(),
    projectId: uuid()
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    title: text().notNull(),
    description: text().notNull().default(''),
    dueDate: date({ mode: 'string' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  // One milestone per name in a project, ignoring case ("Beta" and "beta" are the same milestone).
  (t) => [index().on(t.projectId), uniqueIndex('milestones_project_title_key').on(t.projectId, sql`lower(${t.title})`)],
);
export type Milestone = InferSelectModel<typeof milestones>;
