import type { Calendar, Event } from '@microsoft/microsoft-graph-types';
import { addDays } from '@/lib/calendar/event-dates';
import { CALENDAR_WINDOW } from '../calendar-schema';
import type { CalendarCapability, CalendarChange, DeadlineEvent } from '../types';
import { calendarPath, graphFetch, graphStatus, KEY_PROPERTY_ID } from './client';

type Page<T> = { value: T[]; '@odata.nextLink'?: string; '@odata.deltaLink'?: string };
type DeltaEvent = Event & { '@removed'?: { reason?: string } };

/** A deadline as a Graph event: all-day events are midnight-to-midnight with isAllDay. */
function body(event: DeadlineEvent): Event {
  const time = (t: DeadlineEvent['start']) => ('date' in t ? { dateTime: `${t.date}T00:00:00`, timeZone: 'UTC' } : t);
  return {
    subject: event.completed ? `✓ ${event.title}` : event.title,
    body: { contentType: 'text', content: event.description },
    start: time(event.start),
    end: time(event.end),
    isAllDay: 'date' in event.start,
    showAs: 'free',
    isReminderOn: false,
  };
}

function toChange(e: DeltaEvent, window: { from: string; to: string }): CalendarChange | null {
  if (e['@removed']) return { externalEventId: e.id!, key: null, deleted: true };
  if (e.isCancelled) return { externalEventId: e.id!, key: null, deleted: true };
  const time = (t: Event['start']) =>
    !t?.dateTime ? undefined : e.isAllDay ? { date: t.dateTime.slice(0, 10) } : { dateTime: t.dateTime, timeZone: t.timeZone ?? 'UTC' };
  const start = time(e.start);
  const day = start && ('date' in start ? start.date : start.dateTime.slice(0, 10));
  if (day && (day < window.from || day > window.to)) return null; // outside the window: not ours to judge
  const key = e.singleValueExtendedProperties?.find((p) => p.id?.toLowerCase() === KEY_PROPERTY_ID.toLowerCase())?.value ?? null;
  return { externalEventId: e.id!, key, deleted: false, start, end: time(e.end) };
}

function windowAround(now: Date) {
  const today = now.toISOString().slice(0, 10);
  return { from: addDays(today, -CALENDAR_WINDOW.pastDays), to: addDays(today, CALENDAR_WINDOW.futureDays) };
}

const filterByKey = (key: string) =>
  `singleValueExtendedProperties/Any(ep: ep/id eq '${KEY_PROPERTY_ID}' and ep/value eq '${key.replace(/'/g, "''")}')`;

/**
 * Outlook through Microsoft Graph. Creates carry a transactionId (Graph drops a retried POST)
 * and our key as a single-value extended property, which is also looked up before a create so
 * that a reconnect finds the events it made before.
 */
export const outlookCalendarEvents: CalendarCapability = {
  async upsertEvent(connection, event, existing) {
    const patch = (id: string) => graphFetch<Event>(connection, 'PATCH', `/me/events/${encodeURIComponent(id)}`, body(event));
    if (existing) {
      try {
        return { externalEventId: (await patch(existing.externalEventId)).id! };
      } catch (err) {
        if (graphStatus(err) !== 404) throw err;
      }
    }
    const found = await graphFetch<Page<Event>>(
      connection, 'GET', `${calendarPath(connection)}/events?$filter=${encodeURIComponent(filterByKey(event.key))}&$select=id&$top=1`,
    );
    if (found.value[0]?.id) return { externalEventId: (await patch(found.value[0].id)).id! };
    const created = await graphFetch<Event>(connection, 'POST', `${calendarPath(connection)}/events`, {
      ...body(event),
      // Graph drops a POST repeating a recent transactionId; the 10-minute bucket keeps a later recreate possible.
      transactionId: `${event.key}:${Math.floor(Date.now() / 600_000)}`,
      singleValueExtendedProperties: [{ id: KEY_PROPERTY_ID, value: event.key }],
    });
    return { externalEventId: created.id! };
  },

  async deleteEvent(connection, externalEventId) {
    try {
      await graphFetch(connection, 'DELETE', `/me/events/${encodeURIComponent(externalEventId)}`);
    } catch (err) {
      if (graphStatus(err) !== 404 && graphStatus(err) !== 410) throw err;
    }
  },

  /**
   * calendarView/delta over the window (today − 30 days … + 365): nextLink pages, then a
   * deltaLink kept as the cursor. An expired deltaLink (410, or 400 syncStateNotFound) starts
   * a full read of the window, which reconciles deletions within it.
   */
  async pullChanges(connection, cursor) {
    const deltaLink = typeof cursor?.deltaLink === 'string' ? cursor.deltaLink : null;
    const nextLink = typeof cursor?.nextLink === 'string' ? cursor.nextLink : null;
    const full = !deltaLink || Boolean(cursor?.full);
    const window = (cursor?.window as { from: string; to: string } | undefined) ?? windowAround(new Date());
    const first = `${calendarPath(connection)}/calendarView/delta?startDateTime=${window.from}T00:00:00Z&endDateTime=${window.to}T23:59:59Z`;
    let page: Page<DeltaEvent>;
    try {
      page = await graphFetch<Page<DeltaEvent>>(connection, 'GET', nextLink ?? deltaLink ?? first, undefined, { Prefer: 'odata.maxpagesize=100, outlook.timezone="UTC"' });
    } catch (err) {
      const expired = graphStatus(err) === 410 || (graphStatus(err) === 400 && /syncState/i.test(String((err as { code?: string }).code)));
      if (!expired || (full && !deltaLink)) throw err;
      return { changes: [], cursor: { full: true, window: windowAround(new Date()) }, done: false, full: true };
    }
    const changes: CalendarChange[] = [];
    for (const e of page.value.filter((v) => v.id)) {
      // "@removed" also means "left the window": only a 404 proves the event was deleted.
      const seen = e['@removed'] ? await graphFetch<DeltaEvent>(connection, 'GET', `/me/events/${encodeURIComponent(e.id!)}`, undefined, { Prefer: 'outlook.timezone="UTC"' }).catch((err) => {
        if (graphStatus(err) === 404) return e;
        throw err;
      }) : e;
      const change = toChange(seen, seen === e ? window : { from: '0000-01-01', to: '9999-12-31' });
      if (change) changes.push(change);
    }
    const next = page['@odata.nextLink'];
    if (next) return { changes, cursor: { nextLink: next, window, ...(full ? { full: true } : { deltaLink }) }, done: false, full, window };
    return { changes, cursor: { deltaLink: page['@odata.deltaLink'] ?? null, window }, done: true, full, window };
  },

  async listCalendars(connection) {
    const page = await graphFetch<Page<Calendar>>(connection, 'GET', '/me/calendars?$select=id,name,canEdit,isDefaultCalendar&$top=100');
    return page.value.filter((c) => c.canEdit !== false).map((c) => ({ id: c.id!, name: c.name ?? c.id!, primary: c.isDefaultCalendar ?? false }));
  },

  async createCalendar(connection, name) {
    const c = await graphFetch<Calendar>(connection, 'POST', '/me/calendars', { name });
    return { id: c.id!, name: c.name ?? name };
  },
};
