import { randomUUID } from 'node:crypto';

export type GEventTime = { date?: string; dateTime?: string; timeZone?: string };
export type GEvent = {
  kind: 'calendar#event';
  id: string;
  status: 'confirmed' | 'cancelled';
  summary?: string;
  description?: string;
  start?: GEventTime;
  end?: GEventTime;
  extendedProperties?: { private?: Record<string, string> };
  source?: { title?: string; url?: string };
  transparency?: string;
  updated: string;
  etag: string;
  /** Fake-only: the change sequence this version was written at (sync tokens count these). */
  seq: number;
};
export type GCalendar = { id: string; summary: string; timeZone: string; primary: boolean; events: Map<string, GEvent> };
export type GChannel = {
  id: string; resourceId: string; calendarId: string; address: string; token: string; expiration: number; messageNumber: number; stopped: boolean;
};
export type GPush = { channelId: string; state: 'sync' | 'exists'; headers: Record<string, string>; status: number | null };

/** Google event ids: base32hex characters, 5–1024 long. */
export const EVENT_ID = /^[a-v0-9]{5,1024}$/;

/** The fake's data: calendars with their events, a global change sequence, watch channels. */
export class GoogleCalendarState {
  readonly calendars = new Map<string, GCalendar>();
  readonly channels = new Map<string, GChannel>();
  seq = 1;
  /** Sync tokens minted before this sequence answer 410 Gone (expireSyncTokens()). */
  tokensValidFrom = 0;

  constructor() {
    this.addCalendar({ id: 'owner@example.test', summary: 'owner@example.test', primary: true });
  }
  addCalendar(c: { id?: string; summary: string; primary?: boolean; timeZone?: string }): GCalendar {
    const cal = { id: c.id ?? `c_${randomUUID().replace(/-/g, '')}@group.calendar.google.com`, summary: c.summary, timeZone: c.timeZone ?? 'UTC', primary: c.primary ?? false, events: new Map() };
    this.calendars.set(cal.id, cal);
    return cal;
  }
  calendar(id: string): GCalendar | undefined {
    if (id === 'primary') return [...this.calendars.values()].find((c) => c.primary);
    return this.calendars.get(id);
  }
  /** Writes an event version: a new sequence number, updated stamp and etag. */
  write(cal: GCalendar, event: Omit<GEvent, 'seq' | 'updated' | 'etag' | 'kind'>): GEvent {
    const seq = ++this.seq;
    const e: GEvent = { kind: 'calendar#event', ...event, seq, updated: new Date().toISOString(), etag: `"${seq}"` };
    cal.events.set(e.id, e);
    return e;
  }
  syncToken(): string {
    return Buffer.from(`seq:${this.seq}`).toString('base64url');
  }
  /** The sequence a sync token stands for; null when it expired or is not ours. */
  readToken(token: string): number | null {
    const m = /^seq:(\d+)$/.exec(Buffer.from(token, 'base64url').toString());
    if (!m) return null;
    const n = Number(m[1]);
    return n < this.tokensValidFrom ? null : n;
  }
}

/** What the API returns for an event (without the fake's bookkeeping). */
export function publicEvent(e: GEvent): Omit<GEvent, 'seq'> {
  const { seq: _seq, ...rest } = e;
  return rest;
}
