import { type InferSelectModel, sql } from 'drizzle-orm';
import { index, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './auth';
import { projectIntegrations } from './integrations';
import { tasks } from './tasks';

export const syncConflictStatusEnum = pgEnum('sync_conflict_status', ['open', 'resolved']);

/**
 * The conflict inbox: a field changed on both sides under the "ask me" policy, held until the
 * owner chooses. Values are in the provider's field terms (what the link's snapshot holds).
 * One open row per (integration, task, field): a later divergence updates it.
 */
export const syncConflicts = pgTable(
  'sync_conflicts',
  {
    id: uuid().primaryKey().defaultRandom(),
    integrationId: uuid().notNull().references(() => projectIntegrations.id, { onDelete: 'cascade' }),
    taskId: uuid().notNull().references(() => tasks.id, { onDelete: 'cascade' }),
    field: text().notNull(),
    base: jsonb(),
    appValue: jsonb(),
    providerValue: jsonb(),
    status: syncConflictStatusEnum().notNull().default('open'),
    /** 'app' | 'provider' | 'edited' */
    chosen: text(),
    /** The value applied to both sides. */
    resolvedValue: jsonb(),
    resolvedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    resolvedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('sync_conflicts_open_unique').on(t.integrationId, t.taskId, t.field).where(sql`status = 'open'`),
    index().on(t.integrationId, t.status),
  ],
);
export type SyncConflict = InferSelectModel<typeof syncConflicts>;
