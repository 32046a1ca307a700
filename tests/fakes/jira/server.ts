import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  adfText, err, type FakeIssue, type FakeUser, ISSUE_TYPES, isAdf, issueView, jiraStamp, PRIORITIES, STATUSES,
} from './fake-state';
import { createMeta, dynamicWebhooks, type FakeWebhook } from './meta-routes';
import { handleSearch } from './search';
import { type FakeJiraDelivery, issueDelivery } from './webhooks';

export type FakeJiraRequest = { method: string; path: string; status: number; body: unknown };
export type Send = (status: number, data?: unknown, headers?: Record<string, string>) => void;
type Fault = { status: 401 | 404 | 429 | 500; retryAfter?: number; match?: (method: string, path: string) => boolean };


/**
 * A local Jira Cloud REST v3 for tests, the e2e server and the benchmark. Serves a site at
 * `/` (Basic email:token) and the OAuth gateway at `/ex/jira/<cloudId>/` (Bearer).
 */
export class FakeJira {
  url = '';
  readonly cloudId = 'fake-cloud-1';
  readonly projects = new Map<string, { id: string; key: string; name: string }>();
  readonly issues: FakeIssue[] = [];
  readonly users: FakeUser[] = [];
  /** token → email (Basic) or '' (Bearer only) */
  readonly tokens = new Map<string, string>();
  readonly requests: FakeJiraRequest[] = [];
  readonly faults: Fault[] = [];
  readonly outbox: FakeJiraDelivery[] = [];
  readonly webhooks: FakeWebhook[] = [];
  /** from status id → allowed target status ids; absent: every status is reachable ("allow all"). */
  readonly workflow = new Map<string, string[]>();
  reconciled: number[][] = [];
  private nextId = 10001;
  private lastStamp = 0;
  hookId = 1;

  addProject(key: string, name = `${key} project`) {
    this.projects.set(key, { id: String(10000 + this.projects.size), key, name });
  }
  addUser(email: string, token?: string, opts: { displayName?: string; hideEmail?: boolean } = {}): FakeUser {
    const user: FakeUser = {
      accountId: `5b10ac8d82e05b22cc7d${String(this.users.length).padStart(4, '0')}`, emailAddress: email,
      displayName: opts.displayName ?? email.split('@')[0]!, timeZone: 'UTC', active: true, accountType: 'atlassian',
    };
    this.users.push(user);
    if (token) this.tokens.set(token, email);
    return user;
  }
  /** Edits get strictly increasing timestamps. */
  stamp(): string {
    this.lastStamp = Math.max(Date.now(), this.lastStamp + 1);
    return jiraStamp(this.lastStamp);
  }
  createIssue(projectKey: string, f: { summary: string; description?: string; statusId?: string; priorityId?: string; labels?: string[]; updated?: string; typeId?: string }): FakeIssue {
    if (!this.projects.has(projectKey)) this.addProject(projectKey);
    const n = this.issues.filter((i) => i.projectKey === projectKey).length + 1;
    const type = ISSUE_TYPES.find((t) => t.id === (f.typeId ?? '10001'))!;
    const updated = f.updated ?? this.stamp();
    const issue: FakeIssue = {
      id: String(this.nextId++), key: `${projectKey}-${n}`, projectKey, formerKeys: [], deleted: false,
      fields: {
        summary: f.summary, description: adfText(f.description ?? ''), status: STATUSES.find((s) => s.id === (f.statusId ?? '10000'))!,
        priority: PRIORITIES.find((p) => p.id === (f.priorityId ?? '3'))!, labels: f.labels ?? [], assignee: null, duedate: null,
        fixVersions: [], issuetype: { id: type.id, name: type.name }, created: updated, updated,
      },
    };
    this.issues.push(issue);
    return issue;
  }
  /** `count` issues updated one minute apart, ending a day ago. */
  seedIssues(projectKey: string, count: number) {
    const end = Date.now() - 86_400_000;
    for (let i = 0; i < count; i++) {
      this.createIssue(projectKey, {
        summary: `Issue ${i + 1}`, description: `Body of issue ${i + 1}`, labels: i % 4 === 0 ? ['bug'] : [],
        statusId: ['10000', '3', '10002'][i % 3], priorityId: String((i % 5) + 1), updated: jiraStamp(end - (count - 1 - i) * 60_000),
      });
    }
  }
  /** As a person editing in Jira: fields change, `updated` moves, a webhook follows. */
  edit(idOrKey: string, fields: Partial<FakeIssue['fields']>): FakeIssue {
    const issue = this.find(idOrKey)!;
    Object.assign(issue.fields, fields, { updated: this.stamp() });
    this.outbox.push(issueDelivery('jira:issue_updated', issue, this.url));
    return issue;
  }
  remove(idOrKey: string) {
    const issue = this.find(idOrKey)!;
    issue.deleted = true;
    this.outbox.push(issueDelivery('jira:issue_deleted', issue, this.url));
  }
  find(idOrKey: string): FakeIssue | undefined {
    return this.issues.find((i) => !i.deleted && (i.id === idOrKey || i.key === idOrKey || i.formerKeys.includes(idOrKey)));
  }
  searchRequests() {
    return this.requests.filter((r) => r.path.endsWith('/rest/api/3/search/jql'));
  }

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://fake');
    const method = req.method ?? 'GET';
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    let body: Record<string, unknown> = {};
    try {
      body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
    } catch {
      body = {};
    }
    const send: Send = (status, data, headers = {}) => {
      this.requests.push({ method, path: url.pathname, status, body });
      res.writeHead(status, { 'content-type': 'application/json;charset=UTF-8', ...headers });
      res.end(data === undefined ? undefined : JSON.stringify(data));
    };
    if (url.pathname.startsWith('/_fake/')) return this.control(method, url.pathname, body, send);
    const gateway = /^\/ex\/jira\/([^/]+)(\/.*)$/.exec(url.pathname);
    const path = gateway ? gateway[2]! : url.pathname;
    const base = gateway ? `${this.url}/ex/jira/${gateway[1]}` : this.url;
    const auth = req.headers.authorization ?? '';
    const basic = /^Basic (.+)$/i.exec(auth);
    const bearer = /^Bearer (.+)$/i.exec(auth)?.[1];
    let me: FakeUser | undefined;
    if (gateway) {
      if (gateway[1] !== this.cloudId) return send(404, err('Site not found'));
      if (bearer && this.tokens.has(bearer)) me = this.users.find((u) => u.emailAddress === this.tokens.get(bearer)) ?? this.users[0];
    } else if (basic) {
      const [email, token] = Buffer.from(basic[1]!, 'base64').toString('utf8').split(/:(.*)/s);
      if (token && this.tokens.get(token) === email) me = this.users.find((u) => u.emailAddress === email);
    }
    if (!me) return send(401, err('Client must be authenticated to access this resource.'), { 'www-authenticate': 'OAuth realm="Jira"' });
    const fault = this.faults.findIndex((f) => !f.match || f.match(method, path));
    if (fault >= 0) {
      const [f] = this.faults.splice(fault, 1);
      return send(f!.status, err(f!.status === 429 ? 'Rate limit exceeded.' : 'Fault injected'), f!.retryAfter !== undefined ? { 'retry-after': String(f!.retryAfter) } : {});
    }
    if (/^\/rest\/api\/[23]\/search\/?$/.test(path)) {
      return send(410, err('The requested API has been removed. Please migrate to the /rest/api/3/search/jql API. A full migration guideline is available at https://developer.atlassian.com/changelog/#CHANGE-2046'));
    }
    if (method === 'GET' && path === '/rest/api/3/myself') return send(200, { self: `${base}/rest/api/3/user?accountId=${me.accountId}`, ...me });
    if (path === '/rest/api/3/search/jql' && method === 'POST') return handleSearch(this, body, base, send);
    if (method === 'GET' && path === '/rest/api/3/user/search') {
      const q = (url.searchParams.get('query') ?? '').toLowerCase();
      return send(200, this.users.filter((u) => u.emailAddress.toLowerCase().includes(q) || u.displayName.toLowerCase().includes(q)));
    }
    if (method === 'GET' && path === '/rest/api/3/priority/search') {
      return send(200, { maxResults: 50, startAt: 0, total: PRIORITIES.length, isLast: true, values: PRIORITIES.map((p) => ({ ...p, self: `${base}/rest/api/3/priority/${p.id}`, statusColor: '#000000' })) });
    }
    const project = /^\/rest\/api\/3\/project\/([^/]+)(\/statuses)?$/.exec(path);
    if (project && method === 'GET') {
      const p = [...this.projects.values()].find((x) => x.key === project[1] || x.id === project[1]);
      if (!p) return send(404, err(`No project could be found with key '${project[1]}'.`));
      if (project[2]) return send(200, ISSUE_TYPES.map((t) => ({ id: t.id, name: t.name, subtask: false, statuses: STATUSES.map((s) => ({ ...s, self: `${base}/rest/api/3/status/${s.id}` })) })));
      return send(200, { ...p, self: `${base}/rest/api/3/project/${p.id}`, issueTypes: ISSUE_TYPES.map(({ requiredFields: _r, ...t }) => t) });
    }
    const meta = /^\/rest\/api\/3\/issue\/createmeta\/([^/]+)\/issuetypes(?:\/([^/]+))?$/.exec(path);
    if (meta && method === 'GET') return createMeta(this, meta[1]!, meta[2], send);
    if (path === '/rest/api/3/issue' && method === 'POST') return this.create(body, base, send);
    const one = /^\/rest\/api\/3\/issue\/([^/]+)(\/transitions)?$/.exec(path);
    if (one) {
      const issue = this.find(one[1]!);
      if (!issue) return send(404, err('Issue does not exist or you do not have permission to see it.'));
      if (one[2]) return this.transitions(issue, method, body, send);
      if (method === 'GET') return send(200, issueView(issue, base, url.searchParams.get('fields')?.split(',')));
      if (method === 'PUT') return this.update(issue, body, send);
    }
    if (path.startsWith('/rest/api/3/webhook')) return dynamicWebhooks(this, method, path, body, !!gateway, send);
    return send(404, err('Not found'));
  }

  /** Applies v3 `fields` as Jira would: descriptions must be ADF, status is not a field, labels have no spaces. */
  private applyFields(issue: FakeIssue, fields: Record<string, unknown>): Record<string, string> | null {
    const errors: Record<string, string> = {};
    for (const [k, v] of Object.entries(fields)) {
      if (k === 'summary') issue.fields.summary = String(v);
      else if (k === 'description') {
        if (v !== null && !isAdf(v)) errors.description = 'Operation value must be an Atlassian Document (see the Atlassian Document Format).';
        else issue.fields.description = v;
      } else if (k === 'priority') {
        const p = PRIORITIES.find((x) => x.id === (v as { id?: string })?.id);
        if (!p) errors.priority = 'Specify the Priority (id) in the string format';
        else issue.fields.priority = p;
      } else if (k === 'labels') {
        if (!Array.isArray(v) || v.some((l) => /\s/.test(String(l)))) errors.labels = 'The label must not contain spaces.';
        else issue.fields.labels = v.map(String);
      } else if (k === 'duedate') issue.fields.duedate = (v as string | null) ?? null;
      else if (k === 'assignee') {
        const u = v ? this.users.find((x) => x.accountId === (v as { accountId?: string }).accountId) : undefined;
        if (v && !u) errors.assignee = 'User does not exist or is not assignable.';
        else issue.fields.assignee = u ? { accountId: u.accountId, emailAddress: u.emailAddress, displayName: u.displayName } : null;
      } else if (k === 'fixVersions') issue.fields.fixVersions = (v as Array<{ name: string }>).map((x, i) => ({ id: String(20000 + i), name: x.name }));
      else if (k.startsWith('customfield_')) issue.fields[k as `customfield_${string}`] = v;
      else if (!['project', 'issuetype'].includes(k)) errors[k] = `Field '${k}' cannot be set. It is not on the appropriate screen, or unknown.`;
    }
    return Object.keys(errors).length ? errors : null;
  }

  private create(body: Record<string, unknown>, base: string, send: Send) {
    const fields = (body.fields ?? {}) as Record<string, unknown>;
    const key = (fields.project as { key?: string } | undefined)?.key;
    const type = ISSUE_TYPES.find((t) => t.id === (fields.issuetype as { id?: string } | undefined)?.id);
    if (!key || !this.projects.has(key)) return send(400, { errorMessages: [], errors: { project: 'valid project is required' } });
    if (!type) return send(400, { errorMessages: [], errors: { issuetype: 'valid issue type is required' } });
    if (!fields.summary) return send(400, { errorMessages: [], errors: { summary: 'You must specify a summary of the issue.' } });
    const missing = type.requiredFields.filter((r) => fields[r.fieldId] === undefined);
    if (missing.length) return send(400, { errorMessages: [], errors: Object.fromEntries(missing.map((r) => [r.fieldId, `${r.name} is required.`])) });
    const issue = this.createIssue(key, { summary: String(fields.summary), typeId: type.id });
    const errors = this.applyFields(issue, fields);
    if (errors) {
      this.issues.splice(this.issues.indexOf(issue), 1);
      return send(400, { errorMessages: [], errors });
    }
    this.outbox.push(issueDelivery('jira:issue_created', issue, this.url));
    return send(201, { id: issue.id, key: issue.key, self: `${base}/rest/api/3/issue/${issue.id}` });
  }

  private update(issue: FakeIssue, body: Record<string, unknown>, send: Send) {
    const errors = this.applyFields(issue, (body.fields ?? {}) as Record<string, unknown>);
    if (errors) return send(400, { errorMessages: [], errors });
    issue.fields.updated = this.stamp();
    this.outbox.push(issueDelivery('jira:issue_updated', issue, this.url));
    return send(204);
  }

  private transitions(issue: FakeIssue, method: string, body: Record<string, unknown>, send: Send) {
    const allowed = this.workflow.get(issue.fields.status.id) ?? STATUSES.map((s) => s.id);
    const list = STATUSES.filter((s) => allowed.includes(s.id) && s.id !== issue.fields.status.id).map((s) => ({
      id: String(100 + STATUSES.indexOf(s) * 10 + 1), name: `Move to ${s.name}`, to: s, hasScreen: false, isGlobal: !this.workflow.has(issue.fields.status.id), isInitial: false, isAvailable: true, isConditional: false, isLooped: false,
    }));
    if (method === 'GET') return send(200, { expand: 'transitions', transitions: list });
    const id = (body.transition as { id?: string } | undefined)?.id;
    const t = list.find((x) => x.id === id);
    if (!t) return send(400, err(`Transition id '${id}' is not valid for this issue.`));
    issue.fields.status = t.to;
    issue.fields.updated = this.stamp();
    this.outbox.push(issueDelivery('jira:issue_updated', issue, this.url));
    return send(204);
  }

  /** /_fake/* lets the e2e test and the benchmark seed data and read it back over HTTP. */
  private control(method: string, path: string, body: Record<string, unknown>, send: Send) {
    if (method === 'POST' && path === '/_fake/seed') {
      const key = String(body.project);
      if (!this.projects.has(key)) this.addProject(key);
      if (typeof body.email === 'string' && typeof body.token === 'string' && !this.users.some((u) => u.emailAddress === body.email)) this.addUser(body.email, body.token);
      this.seedIssues(key, Number(body.issues ?? 0));
      return send(200, { project: key, issues: this.issues.filter((i) => i.projectKey === key).length });
    }
    if (method === 'GET' && path === '/_fake/stats') {
      const api = this.requests.filter((r) => !r.path.startsWith('/_fake/'));
      return send(200, { requests: api.length, searches: this.searchRequests().length, paths: api.map((r) => `${r.method} ${r.path} ${r.status}`) });
    }
    const one = /^\/_fake\/issues\/([^/]+)$/.exec(path);
    if (method === 'GET' && one) return this.find(one[1]!) ? send(200, this.find(one[1]!)) : send(404, err('no such issue'));
    return send(404, err('unknown control path'));
  }
}

/** Starts the fake on 127.0.0.1 (port 0: any free port); `url` is the site base (and gateway host). */
export async function startFakeJira(opts: { port?: number } = {}): Promise<FakeJira & { stop: () => Promise<void> }> {
  const fake = new FakeJira();
  const server = createServer((req, res) => {
    fake.handle(req, res).catch((e: unknown) => {
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify(err(String(e instanceof Error ? e.message : e))));
    });
  });
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, '127.0.0.1', resolve));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return Object.assign(fake, { stop: () => new Promise<void>((resolve) => server.close(() => resolve())) });
}
