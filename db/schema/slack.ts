import { type InferSelectModel } from 'drizzle-orm';
import { pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { projectIntegrations } from './integrations';
import { tasks } from './tasks';

/**
 * The Slack message that shows a task in an integration's channel: later changes `chat.update`
 * it (and reply in its thread) instead of posting again.
 */
export const slackTaskMessages = pgTable(
  'slack_task_messages',
  {
    id: uuid().primaryKey().defaultRandom(),
    integrationId: uuid().notNull().references(() => projectIntegrations.id, { onDelete: 'cascade' }),
    taskId: uuid().notNull().references(() => tasks.id, { onDelete: 'cascade' }),
    channel: text().notNull(),
    ts: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique().on(t.integrationId, t.taskId)],
);
export type SlackTaskMessage = InferSelectModel<typeof slackTaskMessages>;

/**
 * Idempotency of notifications: one row per (integration, LocalChange id). Claimed as
 * `sending` before the Slack call, `sent` after; a failed send deletes its claim so the
 * fan-out's retry can try again, a stale `sending` claim (a crash) is taken over.
 */
export const slackNotifications = pgTable(
  'slack_notifications',
  {
    integrationId: uuid().notNull().references(() => projectIntegrations.id, { onDelete: 'cascade' }),
    changeId: text().notNull(),
    status: text().$type<'sending' | 'sent'>().notNull(),
    claimedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.integrationId, t.changeId] })],
);
