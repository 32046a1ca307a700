import { createHmac, randomUUID } from 'node:crypto';
import type { FakeHook, FakeRepo } from './fake-state';
import type { FakeDelivery } from './webhooks';

/** GitHub's record of one attempt to deliver a webhook (GET /repos/{o}/{r}/hooks/{id}/deliveries). */
export type FakeHookDelivery = {
  id: number;
  guid: string;
  delivered_at: string;
  redelivery: boolean;
  duration: number;
  status: string;
  status_code: number;
  event: string;
  action: string | null;
  installation_id: null;
  repository_id: number;
  throttled_at: null;
  hookId: number;
  body: string;
  url: string;
};

type Send = (s: number, d?: unknown, h?: Record<string, string>) => void;

/**
 * The deliveries GitHub sent to a repository's hooks, as GitHub keeps them: each attempt with
 * its guid (X-GitHub-Delivery), status code and whether it was a redelivery. A test drops
 * deliveries (`dropNext`, `dropGuids`): the POST never reaches the app and GitHub records a
 * timeout, as when the app was down. `POST …/deliveries/{id}/attempts` sends it again.
 */
export class FakeHookDeliveries {
  readonly sent: FakeHookDelivery[] = [];
  /** This many of the next deliveries are lost on the way. */
  dropNext = 0;
  readonly dropGuids = new Set<string>();
  private nextId = 90_000_000;
  private flushed = 0;

  /** Sends every outbox delivery not sent yet to the active hooks of its repository. */
  async flush(outbox: FakeDelivery[], repos: Map<string, FakeRepo>): Promise<FakeHookDelivery[]> {
    const out: FakeHookDelivery[] = [];
    for (; this.flushed < outbox.length; this.flushed++) {
      const d = outbox[this.flushed]!;
      const fullName = String((d.payload.repository as { full_name?: string } | undefined)?.full_name ?? '').toLowerCase();
      const repo = repos.get(fullName);
      for (const hook of repo?.hooks.filter((h) => h.active) ?? []) {
        out.push(await this.attempt(repo!, hook, d.deliveryId, d.event, d.action, JSON.stringify(d.payload), false));
      }
    }
    return out;
  }

  /** A ping, as GitHub sends when a hook is created. */
  ping(repo: FakeRepo, hook: FakeHook) {
    const body = JSON.stringify({ zen: 'Keep it logically awesome.', hook_id: hook.id, hook: { id: hook.id, type: 'Repository', events: hook.events } });
    return this.attempt(repo, hook, randomUUID(), 'ping', null, body, false);
  }

  private async attempt(repo: FakeRepo, hook: FakeHook, guid: string, event: string, action: string | null, body: string, redelivery: boolean) {
    const started = Date.now();
    const record: FakeHookDelivery = {
      id: this.nextId++, guid, delivered_at: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'), redelivery, duration: 0,
      status: 'OK', status_code: 200, event, action, installation_id: null, repository_id: repo.id, throttled_at: null,
      hookId: hook.id, body, url: hook.config.url ?? '',
    };
    const dropped = this.dropGuids.delete(guid) || (this.dropNext > 0 && this.dropNext-- > 0);
    if (dropped) {
      Object.assign(record, { status: 'timed out', status_code: 0 });
    } else {
      const signature = `sha256=${createHmac('sha256', hook.config.secret ?? '').update(body).digest('hex')}`;
      try {
        const res = await fetch(record.url, {
          method: 'POST',
          body,
          headers: { 'content-type': 'application/json', 'x-github-event': event, 'x-github-delivery': guid, 'x-hub-signature-256': signature, 'user-agent': 'GitHub-Hookshot/fake' },
        });
        await res.arrayBuffer();
        Object.assign(record, { status_code: res.status, status: res.ok ? 'OK' : `Invalid HTTP Response: ${res.status}` });
      } catch {
        Object.assign(record, { status: 'failed to connect to host', status_code: 0 });
      }
    }
    record.duration = (Date.now() - started) / 1000;
    this.sent.push(record);
    return record;
  }

  /** GET …/hooks/{id}/deliveries (newest first, `per_page`, `cursor` as GitHub pages it) and POST …/deliveries/{id}/attempts. */
  async handle(repo: FakeRepo, hook: FakeHook, method: string, rest: string, query: Record<string, string>, apiUrl: string, send: Send) {
    if (rest === '' && method === 'GET') {
      const perPage = Math.min(Number(query.per_page ?? 30), 100);
      const all = this.sent.filter((d) => d.hookId === hook.id).reverse();
      const start = query.cursor ? all.findIndex((d) => String(d.id) === query.cursor) : 0;
      const page = all.slice(Math.max(start, 0), Math.max(start, 0) + perPage);
      const next = all[Math.max(start, 0) + perPage];
      const link: Record<string, string> = next ? { link: `<${apiUrl}/repos/${repo.owner}/${repo.name}/hooks/${hook.id}/deliveries?per_page=${perPage}&cursor=${next.id}>; rel="next"` } : {};
      return send(200, page.map(({ hookId: _h, body: _b, url: _u, ...shown }) => shown), link);
    }
    const again = /^\/(\d+)\/attempts$/.exec(rest);
    if (again && method === 'POST') {
      const original = this.sent.find((d) => d.hookId === hook.id && d.id === Number(again[1]));
      if (!original) return send(404, { message: 'Not Found' });
      send(202, {});
      // GitHub redelivers after answering, with the same guid.
      void this.attempt(repo, hook, original.guid, original.event, original.action, original.body, true);
      return;
    }
    return send(404, { message: 'Not Found' });
  }
}
