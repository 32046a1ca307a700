import type { IntegrationConnection } from './connection';

/** A deadline as a calendar event. `key` is ours and stable ("task:<uuid>", "milestone:<uuid>"). */
export type DeadlineEvent = {
  key: string;
  title: string;
  description: string;
  url: string;
  /** All-day: date only, exclusive end. Timed: a local date-time and its IANA zone. */
  start: { date: string } | { dateTime: string; timeZone: string };
  end: { date: string } | { dateTime: string; timeZone: string };
  completed: boolean;
};

/** A change seen in the calendar, mapped back through our event ↔ item table. */
export type CalendarChange = {
  externalEventId: string;
  /** Our key when the event carries it (extended properties); else look it up by externalEventId. */
  key: string | null;
  deleted: boolean;
  start?: DeadlineEvent['start'];
  end?: DeadlineEvent['end'];
};

/** One page of a pull. */
export type CalendarPage = {
  changes: CalendarChange[];
  cursor: Record<string, unknown>;
  done: boolean;
  /**
   * This page belongs to a full read (no cursor yet, or it expired: Google 410, Graph's
   * deltaLink gone). When such a read is `done`, our linked events it did not return were
   * deleted in the calendar — within `window` when the read is bounded (Graph calendarView).
   */
  full?: boolean;
  window?: { from: string; to: string };
};

export type CalendarInfo = { id: string; name: string; primary?: boolean };

/** `calendar` (Google, Outlook): events from deadlines out, moved or deleted events back. */
export type CalendarCapability = {
  /** Idempotent: a retry after a lost answer finds or reuses the same event (client ids, transactionId). */
  upsertEvent: (
    connection: IntegrationConnection,
    event: DeadlineEvent,
    existing: { externalEventId: string } | null,
  ) => Promise<{ externalEventId: string }>;
  /** Already gone (404/410) counts as deleted. */
  deleteEvent: (connection: IntegrationConnection, externalEventId: string) => Promise<void>;
  /** One page of changes since the cursor (null: a full read). The calendar is `connection.externalId`. */
  pullChanges: (connection: IntegrationConnection, cursor: Record<string, unknown> | null) => Promise<CalendarPage>;
  /** The calendars the grant may write to ("Test connection", the configure page's pick). */
  listCalendars: (connection: IntegrationConnection) => Promise<CalendarInfo[]>;
  /** Creates the dedicated "Taskbridge — <project>" calendar. */
  createCalendar: (connection: IntegrationConnection, name: string, timeZone: string) => Promise<CalendarInfo>;
};
