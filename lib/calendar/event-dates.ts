import type { DeadlineEvent } from '@/lib/integrations/types';

type EventTime = DeadlineEvent['start'];
const DAY_MS = 86_400_000;

/** yyyy-mm-dd plus `days` (calendar arithmetic, no zone involved). */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * The event times of a deadline. All-day (no time): a date-only event whose end is the next
 * day (exclusive). Timed: local wall-clock times and the project's IANA zone, so the calendar
 * resolves the offset itself and 17:00 stays 17:00 on either side of a DST change.
 */
export function deadlineTimes(dueDate: string, opts: { time?: string | null; timeZone: string; minutes?: number }): { start: EventTime; end: EventTime } {
  if (!opts.time) return { start: { date: dueDate }, end: { date: addDays(dueDate, 1) } };
  const [h, m] = opts.time.split(':').map(Number) as [number, number];
  const startMs = Date.parse(`${dueDate}T00:00:00Z`) + (h * 60 + m) * 60_000;
  const wall = (ms: number) => new Date(ms).toISOString().slice(0, 19);
  return {
    start: { dateTime: wall(startMs), timeZone: opts.timeZone },
    end: { dateTime: wall(startMs + (opts.minutes ?? 30) * 60_000), timeZone: opts.timeZone },
  };
}

/** The zone's UTC offset in ms at an instant (Intl, so DST rules come from the platform's tz data). */
function offsetMs(zone: string, at: number): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
  }).formatToParts(new Date(at));
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value);
  return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second')) - Math.floor(at / 1000) * 1000;
}

/** A wall-clock time in `zone` as an instant (two passes settle the offset around DST edges). */
export function zonedWallToInstant(wall: string, zone: string): number {
  const asUtc = Date.parse(`${wall.slice(0, 19)}Z`);
  let guess = asUtc - offsetMs(zone, asUtc);
  guess = asUtc - offsetMs(zone, guess);
  return guess;
}

/** The calendar date of an instant in `zone`. */
export function dateInZone(at: number, zone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(at));
}

/**
 * The deadline date an event's start stands for, in the project's zone: a date-only start is
 * that date; a time with an offset (Google) is an instant; a bare wall time (Graph) is read in
 * the zone the event names.
 */
export function deadlineDateOf(start: EventTime, projectZone: string): string {
  if ('date' in start) return start.date;
  const { dateTime, timeZone } = start;
  const instant = /(Z|[+-]\d\d:\d\d)$/.test(dateTime) ? Date.parse(dateTime) : zonedWallToInstant(dateTime, safeZone(timeZone));
  return dateInZone(instant, projectZone);
}

/** A zone Intl knows, else UTC (Graph may name Windows zones; those we read as UTC). */
export function safeZone(zone: string | null | undefined): string {
  if (!zone) return 'UTC';
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return zone;
  } catch {
    return 'UTC';
  }
}
