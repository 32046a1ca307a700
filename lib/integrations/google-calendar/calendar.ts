import { EVENT_KEY_PROPERTY, googleEventId } from '@/lib/calendar/event-ids';
import type { CalendarCapability, CalendarChange, DeadlineEvent } from '../types';
import { calendarIdOf, googleCall, type GoogleEvent, googleStatus } from './client';

function body(event: DeadlineEvent): GoogleEvent {
  return {
    summary: event.completed ? `✓ ${event.title}` : event.title,
    description: event.description,
    start: event.start,
    end: event.end,
    transparency: 'transparent',
    source: { title: 'Taskbridge', url: event.url },
    extendedProperties: { private: { [EVENT_KEY_PROPERTY]: event.key } },
    status: 'confirmed',
  };
}

function toChange(e: GoogleEvent): CalendarChange {
  const time = (t: GoogleEvent['start']) =>
    t?.date ? { date: t.date } : t?.dateTime ? { dateTime: t.dateTime, timeZone: t.timeZone ?? 'UTC' } : undefined;
  return {
    externalEventId: e.id!,
    key: e.extendedProperties?.private?.[EVENT_KEY_PROPERTY] ?? null,
    deleted: e.status === 'cancelled',
    start: time(e.start),
    end: time(e.end),
  };
}

const gone = (err: unknown) => googleStatus(err) === 404 || googleStatus(err) === 410;

/**
 * Google Calendar: events carry our client-supplied id (base32hex of our key), so a retried
 * insert answers 409 and the event is patched instead — also when it had been deleted
 * (cancelled events keep their id; patching status back to confirmed restores it).
 */
export const googleCalendarEvents: CalendarCapability = {
  async upsertEvent(connection, event, existing) {
    const calendarId = calendarIdOf(connection);
    const patch = (eventId: string) =>
      googleCall(connection, (api, o) => api.events.patch({ calendarId, eventId, requestBody: body(event) }, o));
    if (existing) {
      try {
        const e = await patch(existing.externalEventId);
        return { externalEventId: e.id! };
      } catch (err) {
        if (!gone(err)) throw err;
      }
    }
    const id = googleEventId(event.key);
    try {
      const e = await googleCall(connection, (api, o) => api.events.insert({ calendarId, requestBody: { id, ...body(event) } }, o));
      return { externalEventId: e.id! };
    } catch (err) {
      if (googleStatus(err) !== 409) throw err;
      const e = await patch(id); // ours already (a lost answer, a reconnect): bring it up to date
      return { externalEventId: e.id! };
    }
  },

  async deleteEvent(connection, externalEventId) {
    try {
      await googleCall(connection, (api, o) => api.events.delete({ calendarId: calendarIdOf(connection), eventId: externalEventId, sendUpdates: 'none' }, o));
    } catch (err) {
      if (!gone(err)) throw err;
    }
  },

  /**
   * With a syncToken: the changes since (deleted events come as cancelled). Without one, or
   * when Google answers 410 (token expired): a full read, paged; nextSyncToken comes on the
   * last page only and becomes the cursor.
   */
  async pullChanges(connection, cursor) {
    const calendarId = calendarIdOf(connection);
    const syncToken = typeof cursor?.syncToken === 'string' && !cursor.full ? cursor.syncToken : undefined;
    const full = !syncToken;
    const pageToken = typeof cursor?.pageToken === 'string' ? cursor.pageToken : undefined;
    try {
      const data = await googleCall(connection, (api, o) =>
        api.events.list({ calendarId, maxResults: 250, pageToken, ...(syncToken ? { syncToken } : { showDeleted: false }) }, o),
      );
      const changes = (data.items ?? []).filter((e) => e.id).map(toChange);
      if (data.nextPageToken) return { changes, cursor: { ...(syncToken ? { syncToken } : { full: true }), pageToken: data.nextPageToken }, done: false, full };
      return { changes, cursor: { syncToken: data.nextSyncToken ?? null }, done: true, full };
    } catch (err) {
      if (googleStatus(err) !== 410 || full) throw err;
      // The token expired: start over with a full read that reconciles deletions.
      return { changes: [], cursor: { full: true }, done: false, full: true };
    }
  },

  async listCalendars(connection) {
    const data = await googleCall(connection, (api, o) => api.calendarList.list({ minAccessRole: 'writer', maxResults: 250 }, o));
    return (data.items ?? []).map((c) => ({ id: c.id!, name: c.summaryOverride ?? c.summary ?? c.id!, primary: c.primary ?? false }));
  },

  async createCalendar(connection, name, timeZone) {
    const c = await googleCall(connection, (api, o) => api.calendars.insert({ requestBody: { summary: name, timeZone } }, o));
    return { id: c.id!, name: c.summary ?? name };
  },
};
