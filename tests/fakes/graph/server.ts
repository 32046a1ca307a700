import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { decodeState, encodeState, type FakeGraphEvent, type FakeSubscription, GraphState, type GraphTime, publicEvent } from './state';

type Fault = { status: number; code?: string; retryAfter?: number; match?: (method: string, path: string) => boolean };
type Out = { status: number; json?: unknown };
export type FakeGraphNotification = { url: string; body: unknown; status: number | null };

const graphError = (status: number, code: string, message = code): Out => ({ status, json: { error: { code, message } } });
const MAX_MINUTES = 10_080;

/**
 * A local Microsoft Graph v1.0 for one mailbox: calendars, events (transactionId dedupe,
 * single-value extended properties and $filter on them), calendarView/delta with nextLink,
 * deltaLink and 410 on expired tokens, subscriptions (the real validationToken POST to the
 * notification and lifecycle URLs, refused when we fail it; PATCH renewal capped at 10,080
 * minutes), change notifications with clientState, lifecycle events, 429 with Retry-After.
 */
export class FakeGraph extends GraphState {
  readonly tokens = new Set<string>();
  readonly requests: Array<{ method: string; path: string; status: number }> = [];
  readonly faults: Fault[] = [];
  readonly notifications: FakeGraphNotification[] = [];
  deliverNotifications = true;
  pageSize = 100;
  latencyMs = 0;
  inFlight = 0;
  peakInFlight = 0;
  url = '';

  addToken(t: string) {
    this.tokens.add(t);
  }
  failNext(f: Fault) {
    this.faults.push(f);
  }
  expireDeltaTokens() {
    this.deltaValidFrom = this.seq + 1;
  }
  /** A person drags the event in Outlook. */
  moveEvent(id: string, start: GraphTime, end: GraphTime) {
    const e = this.write({ ...this.events.get(id)!, start, end });
    void this.notify(e, 'updated');
  }
  deleteEventAsUser(id: string) {
    const e = this.write({ ...this.events.get(id)!, deleted: true });
    void this.notify(e, 'deleted');
  }
  liveEvents(): FakeGraphEvent[] {
    return [...this.events.values()].filter((e) => !e.deleted);
  }
  /** Sends a lifecycle notification (reauthorizationRequired, subscriptionRemoved, missed). */
  async lifecycle(subscriptionId: string, lifecycleEvent: string) {
    const s = this.subscriptions.get(subscriptionId)!;
    if (lifecycleEvent === 'subscriptionRemoved') s.removed = true;
    await this.post(s.lifecycleNotificationUrl ?? s.notificationUrl, {
      value: [{ subscriptionId: s.id, subscriptionExpirationDateTime: s.expirationDateTime, clientState: s.clientState, lifecycleEvent, tenantId: 'fake-tenant' }],
    });
  }

  private async post(url: string, body: unknown) {
    const record: FakeGraphNotification = { url, body, status: null };
    this.notifications.push(record);
    if (!this.deliverNotifications) return;
    record.status = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }).then((r) => r.status, () => 0);
  }
  private async notify(e: FakeGraphEvent, changeType: string) {
    for (const s of this.subscriptions.values()) {
      if (s.removed || Date.parse(s.expirationDateTime) < Date.now() || !s.changeType.includes(changeType)) continue;
      await this.post(s.notificationUrl, {
        value: [{
          id: randomUUID(), subscriptionId: s.id, subscriptionExpirationDateTime: s.expirationDateTime, changeType, clientState: s.clientState, tenantId: 'fake-tenant',
          resource: `Users/fake-user/Events/${e.id}`, resourceData: { '@odata.type': '#Microsoft.Graph.Event', '@odata.id': `Users/fake-user/Events/${e.id}`, id: e.id },
        }],
      });
    }
  }
  /** Graph's handshake: POST ?validationToken=… and expect the token back as text/plain within 10 s. */
  private async validate(url: string): Promise<boolean> {
    const token = `Validation: Testing client application reachability for subscription Request-Id: ${randomUUID()}`;
    try {
      const target = new URL(url);
      target.searchParams.set('validationToken', token);
      const res = await fetch(target, { method: 'POST', headers: { 'content-type': 'text/plain; charset=utf-8' }, signal: AbortSignal.timeout(10_000) });
      return res.status === 200 && (res.headers.get('content-type') ?? '').startsWith('text/plain') && (await res.text()) === token;
    } catch {
      return false;
    }
  }

  private calendarIdOf(path: string): { cal: string; rest: string } | null {
    const m = /^\/v1\.0\/me\/(?:calendar|calendars\/([^/]+))(\/.*)$/.exec(path);
    if (!m) return null;
    const cal = m[1] ? decodeURIComponent(m[1]) : this.defaultCalendar().id;
    return this.calendars.has(cal) ? { cal, rest: m[2]! } : null;
  }

  async handle(method: string, path: string, q: URLSearchParams, body: Record<string, unknown>, prefer: string): Promise<Out> {
    if (path === '/v1.0/me/calendars' && method === 'GET') return { status: 200, json: { value: [...this.calendars.values()] } };
    if (path === '/v1.0/me/calendars' && method === 'POST') return { status: 201, json: this.addCalendar(String(body.name ?? 'Calendar')) };
    if (path === '/v1.0/subscriptions' && method === 'POST') return this.subscribe(body);
    const sub = /^\/v1\.0\/subscriptions\/([^/]+)$/.exec(path);
    if (sub) {
      const s = this.subscriptions.get(decodeURIComponent(sub[1]!));
      if (!s || s.removed) return graphError(404, 'ResourceNotFound', 'The object was not found.');
      if (method === 'DELETE') return (this.subscriptions.delete(s.id), { status: 204 });
      if (method === 'PATCH') {
        const exp = String(body.expirationDateTime ?? '');
        if (!(Date.parse(exp) <= Date.now() + MAX_MINUTES * 60_000)) return graphError(400, 'InvalidRequest', 'expirationDateTime beyond the maximum');
        s.expirationDateTime = new Date(exp).toISOString();
        return { status: 200, json: s };
      }
    }
    const ev = /^\/v1\.0\/me\/events\/([^/]+)$/.exec(path);
    if (ev) {
      const e = this.events.get(decodeURIComponent(ev[1]!));
      if (!e || e.deleted) return graphError(404, 'ErrorItemNotFound', 'The specified object was not found in the store.');
      if (method === 'GET') return { status: 200, json: publicEvent(e, { withProperties: true }) };
      if (method === 'DELETE') return (this.write({ ...e, deleted: true }), void this.notify(e, 'deleted'), { status: 204 });
      if (method === 'PATCH') {
        const next = this.write({ ...e, ...(body as Partial<FakeGraphEvent>), id: e.id, calendarId: e.calendarId, deleted: false });
        void this.notify(next, 'updated');
        return { status: 200, json: publicEvent(next, { withProperties: true }) };
      }
    }
    const c = this.calendarIdOf(path);
    if (!c) return graphError(404, 'ResourceNotFound', 'Resource not found for the segment.');
    if (c.rest === '/events' && method === 'POST') {
      const tx = typeof body.transactionId === 'string' ? body.transactionId : undefined;
      const dup = tx && [...this.events.values()].find((e) => e.transactionId === tx && !e.deleted);
      if (dup) return { status: 201, json: publicEvent(dup, { withProperties: true }) };
      const e = this.write({ ...(body as Omit<FakeGraphEvent, 'id'>), id: `AAMkAGI${randomUUID().replace(/-/g, '')}=`, calendarId: c.cal, deleted: false });
      void this.notify(e, 'created');
      return { status: 201, json: publicEvent(e, { withProperties: true }) };
    }
    if (c.rest === '/events' && method === 'GET') {
      const want = /ep\/value eq '((?:[^']|'')*)'\)$/.exec(q.get('$filter') ?? '')?.[1]?.replace(/''/g, "'");
      const hits = this.liveEvents().filter((e) => e.calendarId === c.cal && (want === undefined || this.keyOf(e) === want));
      return { status: 200, json: { value: hits.slice(0, Number(q.get('$top')) || 10).map((e) => publicEvent(e)) } };
    }
    if (c.rest === '/calendarView/delta' && method === 'GET') return this.delta(c.cal, q, prefer);
    return graphError(400, 'BadRequest', 'Unsupported request');
  }

  private delta(cal: string, q: URLSearchParams, prefer: string): Out {
    const token = q.get('$deltatoken') ?? q.get('$skiptoken');
    let state = token ? decodeState(token) : { cal, from: (q.get('startDateTime') ?? '').slice(0, 10), to: (q.get('endDateTime') ?? '').slice(0, 10), since: 0 };
    if (!state || state.cal !== cal || !state.from || !state.to) return graphError(400, 'BadRequest', 'startDateTime and endDateTime are required');
    if (q.get('$deltatoken') && state.since < this.deltaValidFrom) return graphError(410, 'SyncStateNotFound', 'The sync state generation is not found.');
    const upTo = state.upTo ?? this.seq;
    state = { ...state, upTo };
    const all = [...this.events.values()]
      .filter((e) => e.calendarId === cal && e.seq > state.since && e.seq <= upTo)
      .filter((e) => (state.since === 0 ? !e.deleted && this.inWindow(e, state.from, state.to) : true))
      .sort((a, b) => a.seq - b.seq);
    const size = Math.min(Number(/odata\.maxpagesize=(\d+)/.exec(prefer)?.[1]) || 100, this.pageSize);
    const offset = state.offset ?? 0;
    const page = all.slice(offset, offset + size).map((e) =>
      e.deleted || !this.inWindow(e, state.from, state.to) ? { id: e.id, '@removed': { reason: 'deleted' } } : publicEvent(e),
    );
    const base = `${this.url}/v1.0/me/calendars/${encodeURIComponent(cal)}/calendarView/delta`;
    const links = offset + size < all.length
      ? { '@odata.nextLink': `${base}?$skiptoken=${encodeState({ ...state, offset: offset + size })}` }
      : { '@odata.deltaLink': `${base}?$deltatoken=${encodeState({ cal, from: state.from, to: state.to, since: upTo })}` };
    return { status: 200, json: { '@odata.context': `${this.url}/v1.0/$metadata#Collection(event)`, value: page, ...links } };
  }

  private async subscribe(body: Record<string, unknown>): Promise<Out> {
    const exp = Date.parse(String(body.expirationDateTime ?? ''));
    if (!(exp <= Date.now() + MAX_MINUTES * 60_000)) return graphError(400, 'InvalidRequest', 'Subscription expiration can only be 10080 minutes in the future.');
    if (typeof body.clientState !== 'string' || body.clientState.length > 128) return graphError(400, 'InvalidRequest', 'clientState');
    const urls = [String(body.notificationUrl), ...(body.lifecycleNotificationUrl ? [String(body.lifecycleNotificationUrl)] : [])];
    for (const url of urls) {
      if (!(await this.validate(url))) return graphError(400, 'ValidationError', `Subscription validation request failed. Notification endpoint must respond with 200 OK to validation request.`);
    }
    const s: FakeSubscription = {
      id: randomUUID(), resource: String(body.resource), changeType: String(body.changeType), notificationUrl: urls[0]!,
      lifecycleNotificationUrl: urls[1] ?? null, clientState: body.clientState, expirationDateTime: new Date(exp).toISOString(), removed: false,
    };
    this.subscriptions.set(s.id, s);
    return { status: 201, json: s };
  }

  /** Test control for e2e specs in another process: list our events, move one as a person would. */
  private control(method: string, path: string, raw: string): Out {
    if (path === '/_fake/events' && method === 'GET') {
      return { status: 200, json: { events: this.liveEvents().map((e) => ({ id: e.id, key: this.keyOf(e) ?? null, subject: e.subject, start: e.start, isAllDay: e.isAllDay })) } };
    }
    if (path === '/_fake/move' && method === 'POST') {
      const { key, start, end } = JSON.parse(raw) as { key: string; start: GraphTime; end: GraphTime };
      const hit = this.liveEvents().find((e) => this.keyOf(e) === key);
      if (!hit) return { status: 404, json: { error: 'no such event' } };
      this.moveEvent(hit.id, start, end);
      return { status: 200, json: publicEvent(this.events.get(hit.id)!) };
    }
    return { status: 404, json: { error: 'unknown control' } };
  }

  async serve(req: IncomingMessage, res: ServerResponse) {
    this.peakInFlight = Math.max(this.peakInFlight, ++this.inFlight);
    const url = new URL(req.url ?? '/', 'http://x');
    const send = (out: Out, headers: Record<string, string> = {}) => {
      this.inFlight--;
      this.requests.push({ method: req.method!, path: url.pathname, status: out.status });
      res.writeHead(out.status, { ...(out.json === undefined ? {} : { 'content-type': 'application/json' }), ...headers });
      res.end(out.json === undefined ? undefined : JSON.stringify(out.json));
    };
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    if (this.latencyMs) await new Promise((r) => setTimeout(r, this.latencyMs));
    if (url.pathname.startsWith('/_fake/')) return send(this.control(req.method!, url.pathname, Buffer.concat(chunks).toString()));
    const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    if (!token || !this.tokens.has(token)) return send(graphError(401, 'InvalidAuthenticationToken', 'Access token is empty or invalid.'));
    const i = this.faults.findIndex((f) => !f.match || f.match(req.method!, url.pathname));
    if (i >= 0) {
      const [f] = this.faults.splice(i, 1);
      return send(graphError(f!.status, f!.code ?? (f!.status === 429 ? 'TooManyRequests' : 'ServiceUnavailable')), f!.retryAfter != null ? { 'retry-after': String(f!.retryAfter) } : {});
    }
    let body: Record<string, unknown> = {};
    try {
      const raw = Buffer.concat(chunks).toString();
      body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
    } catch {
      return send(graphError(400, 'BadRequest', 'Invalid JSON'));
    }
    send(await this.handle(req.method!, url.pathname, url.searchParams, body, String(req.headers.prefer ?? '')));
  }
}

export async function startFakeGraph(opts: { port?: number } = {}) {
  const fake = new FakeGraph();
  const server = createServer((req, res) => void fake.serve(req, res).catch(() => res.destroy()));
  await new Promise<void>((r) => server.listen(opts.port ?? 0, '127.0.0.1', r));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return Object.assign(fake, { apiBaseUrl: `${fake.url}/v1.0`, stop: () => new Promise<void>((r) => server.close(() => r())) });
}
