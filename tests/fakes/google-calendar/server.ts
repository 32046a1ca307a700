import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { EVENT_ID, type GCalendar, type GEvent, type GEventTime, GoogleCalendarState, type GPush, publicEvent } from './state';

type Fault = { status: number; reason?: string; retryAfter?: number; match?: (method: string, path: string) => boolean };
export type FakeGoogleRequest = { method: string; path: string; query: Record<string, string>; status: number };

const googleError = (status: number, reason: string, message = reason) => ({ error: { code: status, message, errors: [{ domain: 'global', reason, message }] } });

/**
 * A local Google Calendar API v3 (rootUrl = the fake's URL): calendarList, calendars.insert,
 * events list/insert/get/patch/delete with syncToken/pageToken and 410 on expired tokens,
 * client-supplied ids with 409 on duplicates, events.watch channels whose `sync` and `exists`
 * messages are POSTed to the channel address with real X-Goog-* headers and no body, and
 * channels.stop. Bearer tokens must be registered with addToken().
 */
export class FakeGoogleCalendar extends GoogleCalendarState {
  readonly tokens = new Set<string>();
  readonly requests: FakeGoogleRequest[] = [];
  readonly faults: Fault[] = [];
  readonly pushes: GPush[] = [];
  /** POST channel messages to their addresses (e2e); off: only recorded in `pushes` (integration tests). */
  deliverPushes = true;
  pageSize = 250;
  url = '';

  addToken(token: string) {
    this.tokens.add(token);
  }
  failNext(fault: Fault) {
    this.faults.push(fault);
  }
  /** Every sync token issued so far answers 410 Gone from now on. */
  expireSyncTokens() {
    this.tokensValidFrom = this.seq + 1;
  }
  /** A person drags the event in the calendar UI. */
  moveEvent(calendarId: string, eventId: string, start: GEventTime, end: GEventTime): GEvent {
    const cal = this.calendar(calendarId)!;
    const e = cal.events.get(eventId)!;
    const moved = this.write(cal, { ...e, start, end });
    this.notify(cal);
    return moved;
  }
  /** A person deletes the event in the calendar UI. */
  deleteEvent(calendarId: string, eventId: string) {
    const cal = this.calendar(calendarId)!;
    this.write(cal, { ...cal.events.get(eventId)!, status: 'cancelled' });
    this.notify(cal);
  }
  liveEvents(calendarId: string): GEvent[] {
    return [...(this.calendar(calendarId)?.events.values() ?? [])].filter((e) => e.status !== 'cancelled');
  }

  private push(channel: GChannelLike, state: 'sync' | 'exists') {
    const headers: Record<string, string> = {
      'X-Goog-Channel-ID': channel.id,
      'X-Goog-Channel-Token': channel.token,
      'X-Goog-Channel-Expiration': new Date(channel.expiration).toUTCString(),
      'X-Goog-Resource-ID': channel.resourceId,
      'X-Goog-Resource-URI': `${this.url}/calendar/v3/calendars/${encodeURIComponent(channel.calendarId)}/events?alt=json`,
      'X-Goog-Resource-State': state,
      'X-Goog-Message-Number': String(channel.messageNumber++),
    };
    const record: GPush = { channelId: channel.id, state, headers, status: null };
    this.pushes.push(record);
    if (!this.deliverPushes) return;
    void fetch(channel.address, { method: 'POST', headers })
      .then((r) => (record.status = r.status))
      .catch(() => (record.status = 0));
  }
  private notify(cal: GCalendar) {
    for (const ch of this.channels.values()) if (ch.calendarId === cal.id && !ch.stopped && ch.expiration > Date.now()) this.push(ch, 'exists');
  }

  handle(method: string, path: string, query: URLSearchParams, body: Record<string, unknown>): { status: number; json?: unknown } {
    if (path === '/calendar/v3/users/me/calendarList' && method === 'GET') {
      return { status: 200, json: { kind: 'calendar#calendarList', items: [...this.calendars.values()].map((c) => ({ kind: 'calendar#calendarListEntry', id: c.id, summary: c.summary, timeZone: c.timeZone, primary: c.primary || undefined, accessRole: 'owner' })) } };
    }
    if (path === '/calendar/v3/calendars' && method === 'POST') {
      if (typeof body.summary !== 'string') return { status: 400, json: googleError(400, 'required', 'Missing summary.') };
      const c = this.addCalendar({ summary: body.summary, timeZone: typeof body.timeZone === 'string' ? body.timeZone : 'UTC' });
      return { status: 200, json: { kind: 'calendar#calendar', id: c.id, summary: c.summary, timeZone: c.timeZone } };
    }
    if (path === '/calendar/v3/channels/stop' && method === 'POST') {
      const ch = this.channels.get(String(body.id));
      if (!ch || ch.stopped || ch.resourceId !== body.resourceId) return { status: 404, json: googleError(404, 'notFound', `Channel '${String(body.id)}' not found for project`) };
      ch.stopped = true;
      return { status: 204 };
    }
    const m = /^\/calendar\/v3\/calendars\/([^/]+)\/events(?:\/([^/]+))?$/.exec(path);
    if (!m) return { status: 404, json: googleError(404, 'notFound', 'Not Found') };
    const cal = this.calendar(decodeURIComponent(m[1]!));
    if (!cal) return { status: 404, json: googleError(404, 'notFound', 'Not Found') };
    const sub = m[2] && decodeURIComponent(m[2]);
    if (sub === 'watch' && method === 'POST') return this.watch(cal, body);
    if (!sub && method === 'GET') return this.list(cal, query);
    if (!sub && method === 'POST') {
      const id = typeof body.id === 'string' ? body.id : randomUUID().replace(/-/g, '');
      if (!EVENT_ID.test(id)) return { status: 400, json: googleError(400, 'invalid', 'Invalid resource id value.') };
      if (cal.events.has(id)) return { status: 409, json: googleError(409, 'duplicate', 'The requested identifier already exists.') };
      const e = this.write(cal, { ...(body as Partial<GEvent>), id, status: 'confirmed' });
      this.notify(cal);
      return { status: 200, json: publicEvent(e) };
    }
    const existing = sub ? cal.events.get(sub) : undefined;
    if (!existing) return { status: 404, json: googleError(404, 'notFound', 'Not Found') };
    if (method === 'GET') return { status: 200, json: publicEvent(existing) };
    if (method === 'PATCH') {
      const e = this.write(cal, { ...existing, ...(body as Partial<GEvent>), id: existing.id, status: body.status === 'confirmed' ? 'confirmed' : existing.status });
      this.notify(cal);
      return { status: 200, json: publicEvent(e) };
    }
    if (method === 'DELETE') {
      if (existing.status === 'cancelled') return { status: 410, json: googleError(410, 'deleted', 'Resource has been deleted') };
      this.write(cal, { ...existing, status: 'cancelled' });
      this.notify(cal);
      return { status: 204 };
    }
    return { status: 405, json: googleError(405, 'methodNotAllowed') };
  }

  private list(cal: GCalendar, query: URLSearchParams) {
    const syncToken = query.get('syncToken');
    let events: GEvent[];
    if (syncToken) {
      if (query.get('timeMin') || query.get('orderBy') || query.get('privateExtendedProperty')) {
        return { status: 400, json: googleError(400, 'invalid', 'Sync token cannot be used with these parameters.') };
      }
      const since = this.readToken(syncToken);
      if (since === null) return { status: 410, json: googleError(410, 'fullSyncRequired', 'Sync token is no longer valid, a full sync is required.') };
      events = [...cal.events.values()].filter((e) => e.seq > since);
    } else {
      events = [...cal.events.values()].filter((e) => query.get('showDeleted') === 'true' || e.status !== 'cancelled');
    }
    events.sort((a, b) => a.seq - b.seq);
    const size = Math.min(Number(query.get('maxResults')) || 250, this.pageSize);
    const offset = Number(query.get('pageToken') ? Buffer.from(query.get('pageToken')!, 'base64url').toString() : 0);
    const page = events.slice(offset, offset + size);
    const more = offset + size < events.length;
    return {
      status: 200,
      json: {
        kind: 'calendar#events', summary: cal.summary, timeZone: cal.timeZone, items: page.map(publicEvent),
        ...(more ? { nextPageToken: Buffer.from(String(offset + size)).toString('base64url') } : { nextSyncToken: this.syncToken() }),
      },
    };
  }

  private watch(cal: GCalendar, body: Record<string, unknown>) {
    if (body.type !== 'web_hook' || typeof body.address !== 'string' || typeof body.id !== 'string') return { status: 400, json: googleError(400, 'invalid') };
    if (this.channels.has(body.id)) return { status: 400, json: googleError(400, 'channelIdNotUnique', 'Channel id not unique') };
    const ttl = Number((body.params as { ttl?: string } | undefined)?.ttl ?? 604800);
    const ch = { id: body.id, resourceId: `res-${randomUUID()}`, calendarId: cal.id, address: body.address, token: String(body.token ?? ''), expiration: Date.now() + Math.min(ttl, 604800) * 1000, messageNumber: 1, stopped: false };
    this.channels.set(ch.id, ch);
    setTimeout(() => this.push(ch, 'sync'), 0);
    return { status: 200, json: { kind: 'api#channel', id: ch.id, resourceId: ch.resourceId, resourceUri: `${this.url}/calendar/v3/calendars/${encodeURIComponent(cal.id)}/events?alt=json`, token: ch.token, expiration: String(ch.expiration) } };
  }

  /** Test control for e2e specs in another process: list our events, move one as a person would. */
  private control(method: string, path: string, raw: string): [number, unknown] {
    const all = [...this.calendars.values()].flatMap((c) => [...c.events.values()].map((e) => ({ calendarId: c.id, e })));
    if (path === '/_fake/events' && method === 'GET') {
      return [200, { events: all.map(({ calendarId, e }) => ({ calendarId, id: e.id, status: e.status, key: e.extendedProperties?.private?.taskbridgeKey ?? null, summary: e.summary, start: e.start })) }];
    }
    if (path === '/_fake/move' && method === 'POST') {
      const { key, start, end } = JSON.parse(raw) as { key: string; start: GEventTime; end: GEventTime };
      const hit = all.find(({ e }) => e.extendedProperties?.private?.taskbridgeKey === key && e.status !== 'cancelled');
      if (!hit) return [404, { error: 'no such event' }];
      return [200, publicEvent(this.moveEvent(hit.calendarId, hit.e.id, start, end))];
    }
    return [404, { error: 'unknown control' }];
  }

  async serve(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://x');
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString();
    const send = (status: number, json?: unknown, headers: Record<string, string> = {}) => {
      this.requests.push({ method: req.method!, path: url.pathname, query: Object.fromEntries(url.searchParams), status });
      res.writeHead(status, { ...(json === undefined ? {} : { 'content-type': 'application/json; charset=UTF-8' }), ...headers });
      res.end(json === undefined ? undefined : JSON.stringify(json));
    };
    if (url.pathname.startsWith('/_fake/')) return send(...this.control(req.method!, url.pathname, raw));
    const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    if (!token || !this.tokens.has(token)) return send(401, googleError(401, 'authError', 'Invalid Credentials'));
    const fault = this.faults.findIndex((f) => !f.match || f.match(req.method!, url.pathname));
    if (fault >= 0) {
      const [f] = this.faults.splice(fault, 1);
      return send(f!.status, googleError(f!.status, f!.reason ?? 'backendError'), f!.retryAfter != null ? { 'retry-after': String(f!.retryAfter) } : {});
    }
    let body: Record<string, unknown> = {};
    try {
      body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
    } catch {
      return send(400, googleError(400, 'parseError', 'Parse Error'));
    }
    const out = this.handle(req.method!, url.pathname, url.searchParams, body);
    send(out.status, out.json);
  }
}
type GChannelLike = Parameters<FakeGoogleCalendar['channels']['set']>[1];

export async function startFakeGoogleCalendar(opts: { port?: number } = {}) {
  const fake = new FakeGoogleCalendar();
  const server = createServer((req, res) => void fake.serve(req, res).catch(() => res.destroy()));
  await new Promise<void>((r) => server.listen(opts.port ?? 0, '127.0.0.1', r));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return Object.assign(fake, { apiBaseUrl: `${fake.url}/calendar/v3`, stop: () => new Promise<void>((r) => server.close(() => r())) });
}
