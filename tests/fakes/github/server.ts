import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  applyIssuePatch, buildIssue, createRepo, fakeUser, type FakeHook, type FakeIssue, type FakeMilestone, type FakeRepo, isoSeconds,
} from './fake-state';
import { FakeHookDeliveries } from './hook-deliveries';
import { type FakeDelivery, issueChangeDeliveries, issueRemovedDelivery } from './webhooks';

export type FakeRequest = { method: string; path: string; status: number; query: Record<string, string> };
type Fault = { status: 403 | 429 | 500; retryAfter?: number; match?: (method: string, path: string) => boolean };

/**
 * A local GitHub REST API for tests, the e2e server and the benchmark: real response shapes
 * (issues from @octokit/webhooks-examples), Link pagination, ETag/304, `since`, rate-limit
 * headers, 401/404/410, secondary-limit 403 with retry-after, issue create/update, hooks.
 */
export class FakeGithub {
  readonly repos = new Map<string, FakeRepo>();
  /** token → may it administer hooks */
  readonly tokens = new Map<string, { hooks: boolean }>();
  readonly requests: FakeRequest[] = [];
  readonly faults: Fault[] = [];
  /** Runs once, right before the next issue PATCH is applied: a person editing while an API write is in flight. */
  beforeNextPatch: (() => void) | null = null;
  /** Every `issues` webhook GitHub would have sent, in order (API writes and edits made here alike). */
  readonly outbox: FakeDelivery[] = [];
  /** What was actually POSTed to the repositories' hooks (`deliverWebhooks`), with drops and redeliveries. */
  readonly hookDeliveries = new FakeHookDeliveries();
  rate = { limit: 5000, remaining: 5000, resetAt: Date.now() + 3_600_000 };
  /** Awaited before an API request is answered: fault tests hold a page here to cut the client off mid-sync. */
  gate?: (method: string, path: string, query: Record<string, string>) => Promise<void> | void;
  private hookId = 1;
  url = '';

  addRepo(fullName: string): FakeRepo {
    const repo = createRepo(fullName);
    this.repos.set(fullName.toLowerCase(), repo);
    return repo;
  }
  addToken(token: string, opts: { hooks?: boolean } = {}) {
    this.tokens.set(token, { hooks: opts.hooks ?? true });
  }
  /** `count` issues updated one minute apart, ending `endMs`; every 10th is a pull request. */
  seedIssues(fullName: string, count: number, opts: { endMs?: number; pullRequestsEvery?: number } = {}) {
    const repo = this.repos.get(fullName.toLowerCase()) ?? this.addRepo(fullName);
    const end = opts.endMs ?? Date.now() - 86_400_000;
    for (let i = 0; i < count; i++) {
      const n = repo.issues.length + 1;
      buildIssue(repo, this.url, {
        title: `Issue ${n}: ${['Spelling error in the README file', 'Crash on start', 'Add dark mode'][n % 3]}`,
        body: `Body of issue ${n}`,
        labels: n % 4 === 0 ? ['bug'] : n % 4 === 1 ? ['enhancement', 'ui'] : [],
        assignees: n % 5 === 0 ? ['octocat'] : [],
        milestone: n % 7 === 0 ? { id: 900, number: 1, title: 'v1.0', state: 'open', due_on: null } : null,
        updatedAt: isoSeconds(end - (count - 1 - i) * 60_000),
        pullRequest: opts.pullRequestsEvery ? n % opts.pullRequestsEvery === 0 : false,
      });
    }
    return repo;
  }
  /** Edits an issue as a person on GitHub would (updated_at moves to now); `milestone` takes a milestone or null. */
  editIssue(fullName: string, number: number, patch: Record<string, unknown> & { milestone?: FakeMilestone | null }): FakeIssue {
    const issue = this.issue(fullName, number);
    const { milestone, ...rest } = patch;
    this.patchIssue(this.repos.get(fullName.toLowerCase())!, issue, rest, milestone);
    return issue;
  }
  /** Opens an issue as a person on GitHub would (an `opened` webhook follows). */
  createIssue(fullName: string, fields: { title: string; body?: string; labels?: string[]; assignees?: string[] }): FakeIssue {
    const repo = this.repos.get(fullName.toLowerCase())!;
    const issue = buildIssue(repo, this.url, { ...fields, updatedAt: this.nextStamp() });
    this.outbox.push(...issueChangeDeliveries(repo, null, issue));
    return issue;
  }
  /** Moves an issue to another repository: gone here (410), a `transferred` webhook follows. */
  transferIssue(fullName: string, number: number, toRepo: string) {
    const repo = this.repos.get(fullName.toLowerCase())!;
    repo.deleted.add(number);
    this.outbox.push(issueRemovedDelivery(repo, this.issue(fullName, number), { toRepo, newNumber: number + 1000 }));
  }
  private patchIssue(repo: FakeRepo, issue: FakeIssue, patch: Record<string, unknown>, milestone?: FakeMilestone | null) {
    const before = structuredClone(issue);
    applyIssuePatch(issue, patch, this.nextStamp());
    if (milestone !== undefined) issue.milestone = milestone;
    this.outbox.push(...issueChangeDeliveries(repo, before, issue));
  }
  /** The repository's milestones: created through the API, or set on its issues by hand. */
  private knownMilestones(repo: FakeRepo): FakeMilestone[] {
    const all = new Map(repo.milestones.map((ms) => [ms.id, ms]));
    for (const i of repo.issues) if (i.milestone && !all.has(i.milestone.id)) all.set(i.milestone.id, i.milestone);
    return [...all.values()];
  }
  private milestoneByNumber(repo: FakeRepo, number: unknown): FakeMilestone | null {
    return number === null ? null : (this.knownMilestones(repo).find((ms) => ms.number === number) ?? null);
  }
  issue(fullName: string, number: number): FakeIssue {
    const issue = this.repos.get(fullName.toLowerCase())?.byNumber.get(number);
    if (!issue) throw new Error(`no issue ${fullName}#${number}`);
    return issue;
  }
  deleteIssue(fullName: string, number: number) {
    const repo = this.repos.get(fullName.toLowerCase())!;
    repo.deleted.add(number);
    this.outbox.push(issueRemovedDelivery(repo, this.issue(fullName, number)));
  }
  /** Sends the outbox's new deliveries to the repositories' active hooks, as GitHub would. */
  deliverWebhooks() {
    return this.hookDeliveries.flush(this.outbox, this.repos);
  }
  /** The token stops working (revoked): every request with it gets 401. */
  revokeToken(token: string) {
    this.tokens.delete(token);
  }
  /** The quota runs out until `resetInMs` from now (primary rate limit). */
  exhaustRateLimit(resetInMs: number) {
    this.rate = { limit: 5000, remaining: 0, resetAt: Date.now() + resetInMs };
  }
  issueRequests(fullName: string) {
    return this.requests.filter((r) => r.path === `/repos/${fullName}/issues`);
  }

  private lastStamp = 0;
  /** Edits get strictly increasing second-precision timestamps, like real edits a second apart. */
  private nextStamp(): string {
    this.lastStamp = Math.max(Date.now(), this.lastStamp + 1000);
    return isoSeconds(this.lastStamp);
  }

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://fake');
    const query = Object.fromEntries(url.searchParams);
    const method = req.method ?? 'GET';
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
    const send = (status: number, data?: unknown, headers: Record<string, string> = {}) => {
      this.requests.push({ method, path: url.pathname, status, query });
      const rate = this.rateHeaders(status !== 304);
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...rate, ...headers });
      res.end(data === undefined ? undefined : JSON.stringify(data));
    };
    if (url.pathname.startsWith('/_fake/')) return this.control(method, url.pathname, body, send);
    await this.gate?.(method, url.pathname, query);
    const auth = /^(?:token|bearer) (.+)$/i.exec(req.headers.authorization ?? '')?.[1];
    if (!auth || !this.tokens.has(auth)) return send(401, { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest', status: '401' });
    const fault = this.faults.findIndex((f) => !f.match || f.match(method, url.pathname));
    if (fault >= 0) {
      const [f] = this.faults.splice(fault, 1);
      const headers: Record<string, string> = f!.retryAfter ? { 'retry-after': String(f!.retryAfter) } : {};
      return send(f!.status, { message: f!.status === 500 ? 'Server Error' : 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.' }, headers);
    }
    if (this.rate.remaining <= 0) {
      if (Date.now() < this.rate.resetAt) return send(403, { message: 'API rate limit exceeded for user ID 1.' });
      this.rate = { limit: 5000, remaining: 5000, resetAt: Date.now() + 3_600_000 };
    }
    if (method === 'GET' && url.pathname === '/user') return send(200, fakeUser('taskbridge-bot'));
    const m = /^\/repos\/([^/]+)\/([^/]+)(\/.*)?$/.exec(url.pathname);
    const repo = m && this.repos.get(`${m[1]}/${m[2]}`.toLowerCase());
    if (!m || !repo) return send(404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' });
    const rest = m[3] ?? '';
    const hooksAllowed = this.tokens.get(auth)!.hooks;
    if (rest === '' && method === 'GET') {
      return send(200, { id: repo.id, name: repo.name, full_name: `${repo.owner}/${repo.name}`, owner: fakeUser(repo.owner), private: false, permissions: { admin: hooksAllowed, push: true, pull: true } });
    }
    if (rest === '/issues' && method === 'GET') return this.listIssues(repo, url, req.headers['if-none-match'], send);
    if (rest === '/issues' && method === 'POST') {
      if (typeof body.title !== 'string' || !body.title) return send(422, { message: 'Validation Failed', errors: [{ resource: 'Issue', field: 'title', code: 'missing_field' }] });
      const issue = buildIssue(repo, this.url, { title: body.title, updatedAt: this.nextStamp() });
      applyIssuePatch(issue, body, issue.updated_at);
      if (body.milestone !== undefined) issue.milestone = this.milestoneByNumber(repo, body.milestone);
      this.outbox.push(...issueChangeDeliveries(repo, null, issue));
      return send(201, issue);
    }
    const one = /^\/issues\/(\d+)$/.exec(rest);
    if (one) {
      const n = Number(one[1]);
      if (repo.deleted.has(n)) return send(410, { message: 'This issue was deleted' });
      const issue = repo.byNumber.get(n);
      if (!issue) return send(404, { message: 'Not Found' });
      if (method === 'GET') return send(200, issue);
      if (method === 'PATCH') {
        const interleaved = this.beforeNextPatch;
        this.beforeNextPatch = null;
        interleaved?.();
        const { milestone, ...fields } = body;
        this.patchIssue(repo, issue, fields, milestone === undefined ? undefined : this.milestoneByNumber(repo, milestone));
        return send(200, issue);
      }
    }
    const deliveries = /^\/hooks\/(\d+)\/deliveries(\/.*)?$/.exec(rest);
    if (deliveries && hooksAllowed) {
      const hook = repo.hooks.find((h) => h.id === Number(deliveries[1]));
      if (!hook) return send(404, { message: 'Not Found' });
      return this.hookDeliveries.handle(repo, hook, method, deliveries[2] ?? '', query, this.url, send);
    }
    if (rest.startsWith('/hooks')) return this.hooks(repo, method, rest, body, hooksAllowed, send);
    if (rest === '/milestones' && method === 'GET') return send(200, this.knownMilestones(repo));
    if (rest === '/milestones' && method === 'POST') {
      if (typeof body.title !== 'string' || !body.title) return send(422, { message: 'Validation Failed' });
      if (this.knownMilestones(repo).some((ms) => ms.title.toLowerCase() === (body.title as string).toLowerCase())) {
        return send(422, { message: 'Validation Failed', errors: [{ resource: 'Milestone', code: 'already_exists', field: 'title' }] });
      }
      const number = Math.max(0, ...this.knownMilestones(repo).map((ms) => ms.number)) + 1;
      const created: FakeMilestone = { id: 70_000 + repo.id % 1000 * 100 + number, number, title: body.title, state: 'open', due_on: (body.due_on as string | undefined) ?? null };
      repo.milestones.push(created);
      return send(201, created);
    }
    return send(404, { message: 'Not Found' });
  }

  private listIssues(repo: FakeRepo, url: URL, ifNoneMatch: string | undefined, send: (s: number, d?: unknown, h?: Record<string, string>) => void) {
    const q = url.searchParams;
    const state = q.get('state') ?? 'open';
    const since = q.get('since');
    const perPage = Math.min(Number(q.get('per_page') ?? 30), 100);
    const page = Math.max(Number(q.get('page') ?? 1), 1);
    const key = q.get('sort') === 'updated' ? 'updated_at' : 'created_at';
    const dir = q.get('direction') === 'asc' ? 1 : -1;
    const all = repo.issues
      .filter((i) => !repo.deleted.has(i.number) && (state === 'all' || i.state === state) && (!since || i.updated_at >= since))
      .sort((a, b) => dir * ((a[key] as string).localeCompare(b[key] as string) || a.number - b.number));
    const items = all.slice((page - 1) * perPage, page * perPage);
    const last = Math.max(Math.ceil(all.length / perPage), 1);
    const link = (p: number) => {
      const u = new URL(url.pathname + url.search, this.url);
      u.searchParams.set('page', String(p));
      return `<${u}>`;
    };
    const links = [];
    if (page < last) links.push(`${link(page + 1)}; rel="next"`, `${link(last)}; rel="last"`);
    if (page > 1) links.push(`${link(1)}; rel="first"`, `${link(page - 1)}; rel="prev"`);
    const json = JSON.stringify(items);
    const etag = `W/"${createHash('sha1').update(json).update(links.join()).digest('hex')}"`;
    if (ifNoneMatch === etag) return send(304, undefined, { etag });
    return send(200, items, { etag, ...(links.length ? { link: links.join(', ') } : {}) });
  }

  private hooks(repo: FakeRepo, method: string, rest: string, body: Record<string, unknown>, allowed: boolean, send: (s: number, d?: unknown) => void) {
    if (!allowed) return send(404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest/repos/webhooks' });
    if (rest === '/hooks' && method === 'GET') return send(200, repo.hooks);
    if (rest === '/hooks' && method === 'POST') {
      const config = (body.config ?? {}) as Record<string, string>;
      if (!config.url) return send(422, { message: 'Validation Failed', errors: [{ resource: 'Hook', field: 'config.url', code: 'missing_field' }] });
      const hook: FakeHook = { id: this.hookId++, name: 'web', active: body.active !== false, events: (body.events as string[]) ?? ['push'], config };
      repo.hooks.push(hook);
      const { secret: _secret, ...shown } = config;
      return send(201, { ...hook, config: { ...shown, ...(config.secret ? { secret: '********' } : {}) } });
    }
    const del = /^\/hooks\/(\d+)$/.exec(rest);
    if (del && method === 'DELETE') {
      const i = repo.hooks.findIndex((h) => h.id === Number(del[1]));
      if (i < 0) return send(404, { message: 'Not Found' });
      repo.hooks.splice(i, 1);
      return send(204);
    }
    return send(404, { message: 'Not Found' });
  }

  private rateHeaders(charge: boolean): Record<string, string> {
    if (charge && this.rate.remaining > 0) this.rate.remaining -= 1;
    return {
      'x-ratelimit-limit': String(this.rate.limit),
      'x-ratelimit-remaining': String(this.rate.remaining),
      'x-ratelimit-reset': String(Math.ceil(this.rate.resetAt / 1000)),
      'x-ratelimit-used': String(this.rate.limit - this.rate.remaining),
      'x-ratelimit-resource': 'core',
    };
  }

  /** /_fake/* lets the e2e test seed data and read it back over HTTP. */
  private control(method: string, path: string, body: Record<string, unknown>, send: (s: number, d?: unknown) => void) {
    if (method === 'POST' && path === '/_fake/seed') {
      const fullName = String(body.repo);
      if (typeof body.token === 'string') this.addToken(body.token, { hooks: body.hooks !== false });
      this.seedIssues(fullName, Number(body.issues ?? 0));
      return send(200, { repo: fullName, issues: this.repos.get(fullName.toLowerCase())!.issues.length });
    }
    if (method === 'POST' && path === '/_fake/revoke') {
      this.revokeToken(String(body.token));
      return send(200, { revoked: true });
    }
    if (method === 'POST' && path === '/_fake/deliver') {
      this.hookDeliveries.dropNext = Number(body.drop ?? 0);
      return void this.deliverWebhooks().then((sent) => send(200, { sent: sent.map((d) => ({ guid: d.guid, status_code: d.status_code })) }));
    }
    if (method === 'GET' && path === '/_fake/stats') {
      return send(200, { requests: this.requests.filter((r) => !r.path.startsWith('/_fake/')).length, statuses: this.requests.filter((r) => !r.path.startsWith('/_fake/')).map((r) => r.status) });
    }
    if (method === 'POST' && path === '/_fake/edit') {
      return send(200, this.editIssue(String(body.repo), Number(body.number), body.fields as Partial<FakeIssue>));
    }
    if (method === 'POST' && path === '/_fake/close-all') {
      const repo = this.repos.get(String(body.repo).toLowerCase())!;
      for (const i of repo.issues) if (i.state === 'open' && !i.pull_request) this.editIssue(String(body.repo), i.number, { state: 'closed', state_reason: 'completed' });
      return send(200, { closed: repo.issues.length });
    }
    const one = /^\/_fake\/repos\/([^/]+)\/([^/]+)\/issues\/(\d+)$/.exec(path);
    if (method === 'GET' && one) return send(200, this.issue(`${one[1]}/${one[2]}`, Number(one[3])));
    return send(404, { message: 'unknown control path' });
  }
}

/** Starts the fake on 127.0.0.1 (port 0: any free port); `url` is the API base. */
export async function startFakeGithub(opts: { port?: number } = {}): Promise<FakeGithub & { stop: () => Promise<void> }> {
  const fake = new FakeGithub();
  const server = createServer((req, res) => {
    fake.handle(req, res).catch((err) => {
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ message: String(err instanceof Error ? err.message : err) }));
    });
  });
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, '127.0.0.1', resolve));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return Object.assign(fake, {
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}
