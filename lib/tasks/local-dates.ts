/** Dates as the viewer's calendar sees them: the time zone comes from the `tz` cookie the browser sets. */
export const TZ_COOKIE = 'tz';
export const VIEW_COOKIE = 'tb_view';

/** A valid IANA zone name, or UTC. */
export function safeTimeZone(tz: string | undefined): string {
  if (!tz) return 'UTC';
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return tz;
  } catch {
    return 'UTC';
  }
}

/** Today's date (yyyy-mm-dd) in the time zone. */
export function localToday(timeZone: string, now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

const dayNumber = (day: string) => Date.parse(`${day}T00:00:00Z`) / 86_400_000;
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function span(days: number): string {
  if (days >= 365) return plural(Math.floor(days / 365), 'year');
  if (days >= 60) return plural(Math.floor(days / 30), 'month');
  if (days >= 14) return plural(Math.floor(days / 7), 'week');
  return plural(days, 'day');
}

/** "due today", "in 3 days", "overdue by 2 days" (only open work is overdue; finished work says "was due"). */
export function dueLabel(dueDate: string, today: string, open: boolean): { text: string; overdue: boolean } {
  const days = dayNumber(dueDate) - dayNumber(today);
  if (days === 0) return { text: 'due today', overdue: false };
  if (days === 1) return { text: 'tomorrow', overdue: false };
  if (days > 0) return { text: `in ${span(days)}`, overdue: false };
  if (!open) return { text: `${span(-days)} ago`, overdue: false };
  return { text: `overdue by ${span(-days)}`, overdue: true };
}

/** "5 minutes ago" for a timestamp, relative to now. */
export function timeAgo(at: Date, now: Date = new Date()): string {
  const seconds = Math.round((at.getTime() - now.getTime()) / 1000);
  const rtf = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
  const units: Array<[Intl.RelativeTimeFormatUnit, number]> = [['year', 31_536_000], ['month', 2_592_000], ['week', 604_800], ['day', 86_400], ['hour', 3_600], ['minute', 60]];
  for (const [unit, size] of units) if (Math.abs(seconds) >= size) return rtf.format(Math.round(seconds / size), unit);
  return 'just now';
}

/** "2 Dec 2026, 14:05" in the viewer's time zone. */
export function localDateTime(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone, day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' }).format(at);
}
