import { type InferSelectModel } from 'drizzle-orm';
import { boolean, date, index, jsonb, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { users } from './auth';
import { projectIntegrations } from './integrations';
import { projects } from './projects';

/**
 * A calendar integration's pull state: the calendar we write to (the dedicated one we created,
 * or the owner's pick) and the incremental cursor (Google syncToken, Graph deltaLink).
 */
export const calendarSyncStates = pgTable('calendar_sync_states', {
  integrationId: uuid().primaryKey().references(() => projectIntegrations.id, { onDelete: 'cascade' }),
  /** The calendar the links and the cursor belong to; another one (reconfigured) starts over. */
  calendarId: text(),
  cursor: jsonb().$type<Record<string, unknown>>(),
  /** Set while a full resync (expired cursor) runs: links not seen since are events deleted in the calendar. */
  resyncStartedAt: timestamp({ withTimezone: true }),
  lastPulledAt: timestamp({ withTimezone: true }),
  /** One pull at a time per integration: the holder's lease, and a push that arrived meanwhile asks it to go again. */
  leaseUntil: timestamp({ withTimezone: true }),
  pullAgain: boolean().notNull().default(false),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
export type CalendarSyncState = InferSelectModel<typeof calendarSyncStates>;

/**
 * The event ↔ item mapping. `itemKey` is "task:<uuid>" or "milestone:<uuid>" (no FK: a deleted
 * milestone's event must still be found and removed). `eventDate` is the deadline the event
 * shows as we last wrote or accepted it; a pulled event with another date was moved.
 */
export const calendarEventLinks = pgTable(
  'calendar_event_links',
  {
    id: uuid().primaryKey().defaultRandom(),
    integrationId: uuid().notNull().references(() => projectIntegrations.id, { onDelete: 'cascade' }),
    projectId: uuid().notNull().references(() => projects.id, { onDelete: 'cascade' }),
    itemKey: text().notNull(),
    externalEventId: text().notNull(),
    eventDate: date({ mode: 'string' }),
    /** The event was deleted in the calendar and the setting says unlink: we no longer write it. */
    unlinkedAt: timestamp({ withTimezone: true }),
    lastSeenAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique().on(t.integrationId, t.itemKey), unique().on(t.integrationId, t.externalEventId), index().on(t.projectId)],
);
export type CalendarEventLink = InferSelectModel<typeof calendarEventLinks>;

/** A move made in a calendar, waiting for the owner (setting "propose"). */
export const calendarProposals = pgTable(
  'calendar_proposals',
  {
    id: uuid().primaryKey().defaultRandom(),
    projectId: uuid().notNull().references(() => projects.id, { onDelete: 'cascade' }),
    integrationId: uuid().notNull().references(() => projectIntegrations.id, { onDelete: 'cascade' }),
    itemKey: text().notNull(),
    externalEventId: text().notNull(),
    fromDate: date({ mode: 'string' }),
    toDate: date({ mode: 'string' }).notNull(),
    status: text().$type<'open' | 'accepted' | 'rejected' | 'superseded'>().notNull().default('open'),
    decidedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    decidedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.projectId, t.status, t.createdAt), index().on(t.itemKey, t.status)],
);
export type CalendarProposal = InferSelectModel<typeof calendarProposals>;
