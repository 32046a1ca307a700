import type { CalendarCapability, ConnectionCapability } from '@/lib/integrations/types';
import { ReconnectNeededError } from '@/lib/integrations/kit/errors';
import { DEDICATED_CALENDAR } from '@/lib/integrations/calendar-schema';

/** "Test connection" for a calendar provider: reads the calendar list, and finds the chosen calendar in it. */
export function calendarConnection(name: string, calendar: CalendarCapability, cleanup?: ConnectionCapability['onDelete']): ConnectionCapability {
  return {
    async test(connection) {
      try {
        const calendars = await calendar.listCalendars(connection);
        const id = connection.externalId;
        if (!id || id === DEDICATED_CALENDAR) return { ok: true, externalName: `New calendar (created on save)`, details: { calendars: calendars.length } };
        const found = id === 'primary' ? calendars.find((c) => c.primary) : calendars.find((c) => c.id === id);
        if (!found) return { ok: false, problem: 'not_found', message: `Calendar ${id} is not among the calendars this account can write to.` };
        return { ok: true, externalName: found.name, details: { calendars: calendars.length } };
      } catch (err) {
        if (err instanceof ReconnectNeededError) return { ok: false, problem: 'reconnect_needed', message: `${name} rejected the token: reconnect needed.` };
        return { ok: false, problem: 'unreachable', message: `${name} could not be reached.` };
      }
    },
    ...(cleanup ? { onDelete: cleanup } : {}),
  };
}
