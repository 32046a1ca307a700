import { type InferSelectModel, sql } from 'drizzle-orm';
import { index, integer, jsonb, pgEnum, pgTable, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './auth';
import { projectIntegrations } from './integrations';
import { syncRuns } from './sync';

/** held: waiting for the owner; confirmed: the next run skips the check once (then used); cancelled. */
export const syncSafetyHoldStatusEnum = pgEnum('sync_safety_hold_status', ['held', 'confirmed', 'used', 'cancelled']);

/**
 * The circuit breaker's record: a sync that would close or unlink more than the threshold
 * stopped before writing that page. One hold in force (held or confirmed) per integration.
 */
export const syncSafetyHolds = pgTable(
  'sync_safety_holds',
  {
    id: uuid().primaryKey().defaultRandom(),
    integrationId: uuid().notNull().references(() => projectIntegrations.id, { onDelete: 'cascade' }),
    runId: uuid().references(() => syncRuns.id, { onDelete: 'set null' }),
    closes: integer().notNull(),
    unlinks: integer().notNull().default(0),
    linked: integer().notNull(),
    threshold: integer().notNull(),
    /** The preview at the time (counts and samples), shown to the owner. */
    preview: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    status: syncSafetyHoldStatusEnum().notNull().default('held'),
    decidedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    decidedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('sync_safety_holds_in_force').on(t.integrationId).where(sql`status in ('held', 'confirmed')`),
    index().on(t.integrationId, t.createdAt),
  ],
);
export type SyncSafetyHold = InferSelectModel<typeof syncSafetyHolds>;
