import { describe, expect, it } from 'vitest';
import { addDays, dateInZone, deadlineDateOf, deadlineTimes, zonedWallToInstant } from '@/lib/calendar/event-dates';

describe('deadline event dates', () => {
  it('all-day deadlines are date-only with an exclusive end, across month and year ends', () => {
    expect(deadlineTimes('2026-03-10', { timeZone: 'Europe/Berlin' })).toEqual({ start: { date: '2026-03-10' }, end: { date: '2026-03-11' } });
    expect(deadlineTimes('2026-12-31', { timeZone: 'UTC' }).end).toEqual({ date: '2027-01-01' });
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
  });

  it('timed deadlines carry the zone as wall-clock time, the same on both sides of DST', () => {
    const before = deadlineTimes('2026-03-07', { time: '17:00', timeZone: 'America/New_York' });
    const after = deadlineTimes('2026-03-09', { time: '17:00', timeZone: 'America/New_York' });
    expect(before.start).toEqual({ dateTime: '2026-03-07T17:00:00', timeZone: 'America/New_York' });
    expect(after.start).toEqual({ dateTime: '2026-03-09T17:00:00', timeZone: 'America/New_York' });
    expect(after.end).toEqual({ dateTime: '2026-03-09T17:30:00', timeZone: 'America/New_York' });
    // The instants differ by 2 days minus the hour DST took: the wall clock stays at 17:00.
    const a = zonedWallToInstant('2026-03-07T17:00:00', 'America/New_York');
    const b = zonedWallToInstant('2026-03-09T17:00:00', 'America/New_York');
    expect(new Date(a).toISOString()).toBe('2026-03-07T22:00:00.000Z');
    expect(new Date(b).toISOString()).toBe('2026-03-09T21:00:00.000Z');
  });

  it('reads an event back to the deadline date in the project zone', () => {
    expect(deadlineDateOf({ date: '2026-10-25' }, 'Europe/Berlin')).toBe('2026-10-25');
    // Google: RFC 3339 with an offset.
    expect(deadlineDateOf({ dateTime: '2026-10-25T23:30:00+01:00', timeZone: 'Europe/Berlin' }, 'Europe/Berlin')).toBe('2026-10-25');
    // Graph: a bare wall time in UTC late in the evening is the next day in Berlin.
    expect(deadlineDateOf({ dateTime: '2026-10-25T23:30:00.0000000', timeZone: 'UTC' }, 'Europe/Berlin')).toBe('2026-10-26');
    // The night Europe falls back (25 Oct 2026, 03:00 → 02:00).
    expect(dateInZone(zonedWallToInstant('2026-10-25T02:30:00', 'Europe/Berlin'), 'UTC')).toBe('2026-10-25');
    expect(deadlineDateOf({ dateTime: '2026-03-29T00:30:00', timeZone: 'Europe/Berlin' }, 'UTC')).toBe('2026-03-28');
  });
});
