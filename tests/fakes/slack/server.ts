import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { KnownBlock } from '@slack/types';
import { type FakeChannel, type FakeUser, SlackState } from './state';

type Args = Record<string, unknown>;
type Answer = { status?: number; headers?: Record<string, string>; body: Record<string, unknown> };
const ok = (body: Record<string, unknown> = {}): Answer => ({ body: { ok: true, ...body } });
const fail = (error: string): Answer => ({ body: { ok: false, error } });

/** WebClient sends form bodies whose object values are JSON strings; JSON bodies also arrive. */
function parseArgs(raw: string, contentType: string | undefined): Args {
  if (contentType?.includes('application/json')) return raw ? (JSON.parse(raw) as Args) : {};
  const out: Args = {};
  for (const [k, v] of new URLSearchParams(raw)) {
    out[k] = /^[[{]/.test(v) ? (() => { try { return JSON.parse(v); } catch { return v; } })() : v;
  }
  return out;
}

const channelJson = (c: FakeChannel) => ({
  id: c.id, name: c.name, is_channel: !c.is_private, is_group: c.is_private, is_private: c.is_private,
  is_member: c.is_member, is_archived: c.is_archived ?? false, is_general: c.name === 'general', created: 1_600_000_000,
  num_members: 3, topic: { value: '', creator: '', last_set: 0 }, purpose: { value: '', creator: '', last_set: 0 },
});
const userJson = (u: FakeUser) => ({
  id: u.id, team_id: 'T0FAKE001', name: u.name, real_name: u.real_name, deleted: u.deleted ?? false, is_bot: u.is_bot ?? false,
  profile: { real_name: u.real_name, display_name: u.name, ...(u.email ? { email: u.email } : {}) },
});

/**
 * A local Slack Web API (the methods Taskbridge calls) with real response shapes: HTTP 200
 * with `ok: false` errors, 429 + Retry-After, cursor paging; `response_url`s under
 * /response/<id>; every call and message recorded. /_fake/* lets another process (e2e)
 * seed and read it.
 */
export class FakeSlack {
  readonly state = new SlackState();
  url = '';
  /** The OAuth fakes (tests/fakes/oauth): oauth.v2.access and auth.revoke are theirs; a bot token they issue works here. */
  oauthUrl?: string;
  get apiUrl() {
    return `${this.url}/api`;
  }
  responseUrl(id = crypto.randomUUID()): string {
    return `${this.url}/response/${id}`;
  }

  handleMethod(method: string, args: Args, token: string | null): Answer {
    const s = this.state;
    const fault = s.takeFault(method);
    if (fault?.retryAfter != null) return { status: 429, headers: { 'retry-after': String(fault.retryAfter) }, body: { ok: false, error: 'ratelimited' } };
    if (fault?.error) return fail(fault.error);
    const auth = token ? s.tokens.get(token) : undefined;
    if (!token) return fail('not_authed');
    if (!auth) return fail('invalid_auth');
    if (auth.revoked) return fail('token_revoked');
    const channel = (id: unknown) => s.channels.find((c) => c.id === id);
    const visible = (c: FakeChannel | undefined) => (c && (!c.is_private || c.is_member) ? c : undefined);
    switch (method) {
      case 'auth.test':
        return ok({ url: 'https://acme.slack.com/', team: auth.team, user: 'taskbridge', team_id: auth.teamId, user_id: auth.botUserId, bot_id: 'B0BOT0001', is_enterprise_install: false });
      case 'conversations.list': {
        const types = String(args.types ?? 'public_channel').split(',');
        const limit = Math.min(Number(args.limit ?? 100) || 100, 1000);
        const start = args.cursor ? Number(Buffer.from(String(args.cursor), 'base64').toString().replace('offset:', '')) : 0;
        const all = s.channels.filter((c) => (c.is_private ? types.includes('private_channel') && c.is_member : types.includes('public_channel')))
          .filter((c) => !(args.exclude_archived === 'true' || args.exclude_archived === true) || !c.is_archived);
        const page = all.slice(start, start + limit);
        const next = start + limit < all.length ? Buffer.from(`offset:${start + limit}`).toString('base64') : '';
        return ok({ channels: page.map(channelJson), response_metadata: { next_cursor: next } });
      }
      case 'conversations.info': {
        const c = visible(channel(args.channel));
        return c ? ok({ channel: channelJson(c) }) : fail('channel_not_found');
      }
      case 'chat.postMessage': {
        const c = visible(channel(args.channel));
        if (!c) return fail('channel_not_found');
        if (c.is_archived) return fail('is_archived');
        if (!c.is_member) return fail('not_in_channel');
        if (!args.text && !args.blocks) return fail('no_text');
        const message = {
          channel: c.id, ts: s.nextTs(), text: String(args.text ?? ''), blocks: (args.blocks as KnownBlock[]) ?? [],
          ...(args.thread_ts ? { thread_ts: String(args.thread_ts) } : {}), updates: 0, history: [],
        };
        s.messages.push(message);
        return ok({ channel: c.id, ts: message.ts, message: { type: 'message', text: message.text, blocks: message.blocks, ts: message.ts, bot_id: 'B0BOT0001' } });
      }
      case 'chat.update': {
        const m = s.messages.find((x) => x.channel === args.channel && x.ts === args.ts);
        if (!visible(channel(args.channel))) return fail('channel_not_found');
        if (!m) return fail('message_not_found');
        m.history.push({ text: m.text, blocks: m.blocks });
        m.text = String(args.text ?? m.text);
        if (args.blocks !== undefined) m.blocks = args.blocks as KnownBlock[];
        m.updates += 1;
        return ok({ channel: m.channel, ts: m.ts, text: m.text, message: { text: m.text, blocks: m.blocks } });
      }
      case 'chat.postEphemeral': {
        const c = visible(channel(args.channel));
        if (!c) return fail('channel_not_found');
        if (!s.users.has(String(args.user))) return fail('user_not_in_channel');
        s.ephemerals.push({ channel: c.id, user: String(args.user), text: String(args.text ?? '') });
        return ok({ message_ts: s.nextTs() });
      }
      case 'chat.getPermalink': {
        const m = s.messages.find((x) => x.channel === args.channel && x.ts === args.message_ts);
        if (!visible(channel(args.channel))) return fail('channel_not_found');
        if (!m) return fail('message_not_found');
        return ok({ channel: m.channel, permalink: `https://acme.slack.com/archives/${m.channel}/p${m.ts.replace('.', '')}` });
      }
      case 'users.info': {
        const u = s.users.get(String(args.user));
        return u ? ok({ user: userJson(u) }) : fail('user_not_found');
      }
      case 'views.open': {
        const trigger = String(args.trigger_id ?? '');
        if (!trigger) return fail('invalid_arguments');
        if (trigger.startsWith('expired')) return fail('expired_trigger_id');
        const view = { id: `V${String(s.views.length + 1).padStart(8, '0')}`, hash: `${Date.now()}.hash`, ...(args.view as object) };
        s.views.push({ id: view.id, trigger_id: trigger, view, updates: 0 });
        return ok({ view });
      }
      case 'views.update': {
        const v = s.views.find((x) => x.id === args.view_id);
        if (!v) return fail('not_found');
        v.view = { id: v.id, hash: `${Date.now()}.hash`, ...(args.view as object) };
        v.updates += 1;
        return ok({ view: v.view });
      }
      default:
        return fail('unknown_method');
    }
  }

  private async route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', 'http://fake');
    const send = (a: Answer) => {
      res.writeHead(a.status ?? 200, { 'content-type': 'application/json; charset=utf-8', ...a.headers });
      res.end(JSON.stringify(a.body));
    };
    if (url.pathname.startsWith('/api/')) {
      const method = url.pathname.slice(5);
      const args = parseArgs(raw, req.headers['content-type']);
      if (this.oauthUrl && (method === 'oauth.v2.access' || method === 'auth.revoke')) return send(await this.viaOAuthFake(method, raw, req));
      const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1] ?? (typeof args.token === 'string' ? args.token : null);
      const answer = this.handleMethod(method, args, bearer);
      this.state.calls.push({ method, args, status: answer.status ?? 200, ...(answer.body.ok ? {} : { error: String(answer.body.error) }) });
      return send(answer);
    }
    if (url.pathname.startsWith('/response/') && req.method === 'POST') {
      this.state.responses.push({ id: url.pathname.slice(10), body: JSON.parse(raw || '{}') as Record<string, unknown> });
      res.writeHead(200, { 'content-type': 'text/plain' });
      return void res.end('ok');
    }
    if (url.pathname === '/_fake/state') return send({ body: this.snapshot() });
    if (url.pathname === '/_fake/setup' && req.method === 'POST') {
      const body = JSON.parse(raw || '{}') as { seedToken?: string; users?: FakeUser[]; reset?: boolean; messages?: Array<{ channel: string; text: string }> };
      if (body.reset) this.state.reset();
      if (body.seedToken) this.state.seed(body.seedToken);
      for (const u of body.users ?? []) this.state.users.set(u.id, u);
      const posted = (body.messages ?? []).map((m) => {
        const message = { channel: m.channel, ts: this.state.nextTs(), text: m.text, blocks: [], updates: 0, history: [] };
        this.state.messages.push(message);
        return message.ts;
      });
      return send({ body: { ok: true, ts: posted } });
    }
    send({ status: 404, body: { ok: false, error: 'not_found' } });
  }

  private async viaOAuthFake(method: string, raw: string, req: IncomingMessage): Promise<Answer> {
    const headers: Record<string, string> = { 'content-type': req.headers['content-type'] ?? 'application/x-www-form-urlencoded' };
    if (req.headers.authorization) headers.authorization = req.headers.authorization;
    const r = await fetch(`${this.oauthUrl}/slack/api/${method}`, { method: 'POST', headers, body: raw });
    const body = (await r.json()) as Record<string, unknown>;
    if (method === 'oauth.v2.access' && body.ok && typeof body.access_token === 'string') this.state.seed(body.access_token);
    return { status: r.status, body };
  }

  snapshot() {
    const { messages, responses, views, ephemerals, calls } = this.state;
    return { messages, responses, views, ephemerals, calls: calls.map(({ method, status, error }) => ({ method, status, error })) };
  }

  server = createServer((req, res) => {
    this.route(req, res).catch((err) => {
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ ok: false, error: 'fake_error', detail: String(err) }));
    });
  });
}

export async function startFakeSlack(opts: { port?: number; oauthUrl?: string } = {}): Promise<FakeSlack & { stop: () => Promise<void> }> {
  const fake = new FakeSlack();
  fake.oauthUrl = opts.oauthUrl;
  await new Promise<void>((resolve) => fake.server.listen(opts.port ?? 0, '127.0.0.1', resolve));
  fake.url = `http://127.0.0.1:${(fake.server.address() as AddressInfo).port}`;
  return Object.assign(fake, { stop: () => new Promise<void>((r) => fake.server.close(() => r())) });
}
