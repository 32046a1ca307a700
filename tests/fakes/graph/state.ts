import { randomUUID } from 'node:crypto';
import { zonedWallToInstant } from '../../../lib/calendar/event-dates';

export type GraphTime = { dateTime: string; timeZone: string };
export type FakeGraphEvent = {
  id: string;
  calendarId: string;
  subject: string;
  body?: { contentType: string; content: string };
  start: GraphTime;
  end: GraphTime;
  isAllDay: boolean;
  showAs?: string;
  transactionId?: string;
  singleValueExtendedProperties?: Array<{ id: string; value: string }>;
  deleted: boolean;
  seq: number;
  lastModifiedDateTime: string;
};
export type FakeSubscription = {
  id: string; resource: string; changeType: string; notificationUrl: string; lifecycleNotificationUrl: string | null;
  clientState: string; expirationDateTime: string; removed: boolean;
};
export type DeltaState = { cal: string; from: string; to: string; since: number; upTo?: number; offset?: number };

/** 2026-03-10T17:00:00 in America/New_York → "2026-03-10T21:00:00.0000000" (Graph's UTC form). */
export function toUtc(t: GraphTime): GraphTime {
  const wall = t.dateTime.slice(0, 19);
  const instant = t.timeZone === 'UTC' ? Date.parse(`${wall}Z`) : zonedWallToInstant(wall, t.timeZone);
  return { dateTime: `${new Date(instant).toISOString().slice(0, 19)}.0000000`, timeZone: 'UTC' };
}

export const encodeState = (s: DeltaState) => Buffer.from(JSON.stringify(s)).toString('base64url');
export const decodeState = (t: string): DeltaState | null => {
  try {
    return JSON.parse(Buffer.from(t, 'base64url').toString()) as DeltaState;
  } catch {
    return null;
  }
};

/** The fake mailbox: calendars, events with a change sequence, subscriptions. */
export class GraphState {
  readonly calendars = new Map<string, { id: string; name: string; isDefaultCalendar: boolean; canEdit: boolean }>();
  readonly events = new Map<string, FakeGraphEvent>();
  readonly subscriptions = new Map<string, FakeSubscription>();
  seq = 1;
  /** Delta tokens minted before this sequence are expired (410 syncStateNotFound). */
  deltaValidFrom = 0;

  constructor() {
    this.addCalendar('Calendar', true);
  }
  addCalendar(name: string, isDefault = false) {
    const c = { id: `AAMkAD${randomUUID().replace(/-/g, '')}`, name, isDefaultCalendar: isDefault, canEdit: true };
    this.calendars.set(c.id, c);
    return c;
  }
  defaultCalendar() {
    return [...this.calendars.values()].find((c) => c.isDefaultCalendar)!;
  }
  write(e: Omit<FakeGraphEvent, 'seq' | 'lastModifiedDateTime'>): FakeGraphEvent {
    const next = { ...e, seq: ++this.seq, lastModifiedDateTime: new Date().toISOString() };
    this.events.set(next.id, next);
    return next;
  }
  keyOf(e: FakeGraphEvent): string | undefined {
    return e.singleValueExtendedProperties?.find((p) => /Name taskbridgeKey$/i.test(p.id))?.value;
  }
  inWindow(e: FakeGraphEvent, from: string, to: string): boolean {
    const day = toUtc(e.start).dateTime.slice(0, 10);
    return day >= from && day <= to;
  }
}

/** An event as Graph returns it (times in UTC, as asked with Prefer: outlook.timezone="UTC"). */
export function publicEvent(e: FakeGraphEvent, opts: { withProperties?: boolean } = {}) {
  return {
    '@odata.etag': `W/"${e.seq}"`,
    id: e.id,
    subject: e.subject,
    body: e.body,
    start: e.isAllDay ? e.start : toUtc(e.start),
    end: e.isAllDay ? e.end : toUtc(e.end),
    isAllDay: e.isAllDay,
    showAs: e.showAs ?? 'busy',
    isCancelled: false,
    transactionId: e.transactionId ?? null,
    lastModifiedDateTime: e.lastModifiedDateTime,
    ...(opts.withProperties && e.singleValueExtendedProperties ? { singleValueExtendedProperties: e.singleValueExtendedProperties } : {}),
  };
}
