import { createHmac } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { getTask } from '@/db/queries/tasks';
import { integrationWebhooks, type Task } from '@/db/schema';
import { createMemberMatcher, issueFields, type MemberIdentity, type SyncedFields, taskFields } from '@/lib/integrations/github/map-fields';
import { runSync } from '@/lib/sync/run-sync';
import { loadForSync, syncPageStep } from '@/lib/sync/sync-page-step';
import { finishSyncRun, startSyncRun } from '@/db/queries/sync-runs';
import { processDelivery } from '@/lib/webhooks/process-delivery';
import { receiveWebhookRequest } from '@/lib/webhooks/receive-request';
import { addMember, createUser } from '../../../helpers/factories';
import type { FakeIssue } from '../../../fakes/github/fake-state';
import type { FakeGithub } from '../../../fakes/github/server';
import type { FakeDelivery } from '../../../fakes/github/webhooks';
import { createGithubIntegration } from '../github-fixture';
import { caller, deferred } from './hooks';

export type Field = keyof SyncedFields | 'milestone';
/** A user write's fields: GitHub's, plus the milestone (a local id or a GitHub id: only whether it changed is used). */
type Written = SyncedFields & { milestone?: unknown };
/** One user write, in GitHub's terms, as the ledger of the model keeps it. */
export type Write = { side: 'local' | 'remote'; key: string; field: Field; value: unknown; prev: unknown; seq: number; creation: boolean; racing?: boolean };


type Fake = FakeGithub & { stop: () => Promise<void> };

/**
 * The real system of one model run: a fresh project, members alice and bob, a GitHub
 * integration on a fresh fake repository, and the ledger of user writes on both sides.
 * Every operation goes through an entry point the app itself uses.
 */
export class System {
  seq = 0;
  readonly writes: Write[] = [];
  /** Outbox position: deliveries before it were handed to the app or dropped. */
  readonly pending: FakeDelivery[] = [];
  private seen = 0;
  readonly delivered: FakeDelivery[] = [];
  readonly localTasks = new Set<string>();
  readonly userIssues = new Set<number>();
  readonly removedIssues = new Set<number>();
  readonly localMilestoneEdits = new Set<string>();
  localEdits = 0;
  exports = 0;
  readonly trace: string[] = [];

  private constructor(
    readonly fake: Fake,
    readonly db: Db,
    readonly fx: Awaited<ReturnType<typeof createGithubIntegration>>,
    readonly members: MemberIdentity[],
    readonly milestoneId: string,
  ) {}

  static async create(fake: Fake, policy: string, seeded: number): Promise<System> {
    fake.outbox.length = 0;
    fake.requests.length = 0;
    fake.faults.length = 0;
    fake.beforeNextPatch = null;
    deferred.queue.length = 0;
    const fx = await createGithubIntegration(fake, { issues: 0, settings: { conflictPolicy: policy } });
    const alice = await createUser('alice');
    const bob = await createUser('bob');
    await addMember(fx.project.id, alice.id);
    await addMember(fx.project.id, bob.id);
    const { milestones } = await import('@/db/schema');
    const [ms] = await fx.db.insert(milestones).values({ projectId: fx.project.id, title: 'Local milestone' }).returning();
    const members = [fx.owner, alice, bob].map((u) => ({ id: u.id, name: u.name, email: u.email }));
    const sys = new System(fake, fx.db, fx, members, ms!.id);
    caller.current = { id: alice.id, email: alice.email, name: alice.name };
    for (let i = 0; i < seeded; i++) sys.userCreatesIssue(`Seed ${i + 1}`);
    return sys;
  }

  get repoName() { return this.fx.repoName; }
  get integrationId() { return this.fx.integration.id; }
  get projectId() { return this.fx.project.id; }
  get memberIds() { return this.members.filter((m) => m.name !== 'owner').map((m) => m.id); }
  matcher() { return createMemberMatcher(this.members); }
  log(line: string) { this.trace.push(line); }

  issues(): FakeIssue[] {
    return this.fake.repos.get(this.repoName.toLowerCase())!.issues.filter((i) => !this.removedIssues.has(i.number));
  }
  async task(taskId: string): Promise<Task> {
    return (await getTask(this.db, this.projectId, taskId))!;
  }

  /** Records the fields of `key` that a user write changed (in GitHub's terms). */
  record(side: Write['side'], key: string, before: Written | null, after: Written, racing = false) {
    const seq = ++this.seq;
    for (const field of Object.keys(after) as Field[]) {
      if (before && JSON.stringify(before[field]) === JSON.stringify(after[field])) continue;
      this.writes.push({ side, key, field, value: after[field], prev: before?.[field], seq, creation: before === null, racing });
    }
  }
  localFields(task: Task) { return taskFields(task, this.matcher()); }
  /** What a user write on each side changed, the milestone included (it syncs both ways). */
  localWrite(task: Task): Written { return { ...this.localFields(task), milestone: task.milestoneId }; }
  remoteWrite(issue: FakeIssue): Written { return { ...issueFields(issue as never), milestone: issue.milestone?.id ?? null }; }

  /** Takes the deliveries the fake emitted since the last look into the pending list. */
  collect() {
    const fresh = this.fake.outbox.slice(this.seen);
    this.seen = this.fake.outbox.length;
    this.pending.push(...fresh.filter((d) => (d.payload.repository as { full_name: string }).full_name === this.repoName));
  }

  userCreatesIssue(title: string) {
    const issue = this.fake.createIssue(this.repoName, { title, body: 'Opened on GitHub' });
    this.userIssues.add(issue.number);
    this.record('remote', `issue:${issue.number}`, null, this.remoteWrite(issue));
    this.collect();
    return issue;
  }

  /** GitHub's POST of one delivery to the app's webhook route, then its processing (as the drain does). */
  async deliver(d: FakeDelivery, deliveryId = d.deliveryId): Promise<number> {
    const body = JSON.stringify(d.payload);
    const request = new Request(`http://127.0.0.1/integrations/webhooks/github/${this.integrationId}/`, {
      method: 'POST',
      body,
      headers: {
        'content-type': 'application/json', 'x-github-event': d.event, 'x-github-delivery': deliveryId,
        'x-hub-signature-256': `sha256=${createHmac('sha256', this.fx.webhookSecret).update(body).digest('hex')}`,
      },
    });
    const queued = deferred.queue.length;
    const res = await receiveWebhookRequest('github', request, this.integrationId, { runInProcess: async () => {} });
    deferred.queue.splice(queued); // the hand-off to the drain: processed right here instead
    if (res.status !== 202 && res.status !== 200) throw new Error(`webhook answered ${res.status}: ${await res.text()}`);
    if (res.status === 200) return 0;
    const [row] = await this.db
      .select({ id: integrationWebhooks.id })
      .from(integrationWebhooks)
      .where(and(eq(integrationWebhooks.integrationId, this.integrationId), eq(integrationWebhooks.deliveryId, deliveryId)));
    await processDelivery(this.db, row!.id);
    return 1;
  }

  /** What the sweep does for deliveries whose processing failed: process them again. */
  async retryStoredDeliveries() {
    const rows = await this.db
      .select({ id: integrationWebhooks.id })
      .from(integrationWebhooks)
      .where(and(eq(integrationWebhooks.integrationId, this.integrationId), inArray(integrationWebhooks.status, ['pending', 'failed'])));
    for (const r of rows) await processDelivery(this.db, r.id);
  }

  async syncWhole() {
    await runSync(this.db, this.integrationId, { sleep: async () => {} });
  }

  /** One page, as one Inngest step does; the run is closed when the page was the last or failed. */
  async syncOnePage() {
    const loaded = (await loadForSync(this.db, this.integrationId))!;
    const runId = await startSyncRun(this.db, loaded.integration, 'manual');
    try {
      const step = await syncPageStep(this.db, loaded, runId, loaded.integration.syncCursor ?? null);
      if (step.kind === 'page') await finishSyncRun(this.db, loaded.integration, runId, { ok: true, notModified: step.notModified });
      else await finishSyncRun(this.db, loaded.integration, runId, { ok: false, error: step.kind });
    } catch (err) {
      await finishSyncRun(this.db, loaded.integration, runId, { ok: false, error: String(err) });
    }
  }

  hasDeferred() { return deferred.queue.length > 0; }
  /** Runs the work queued after responses (scheduled pushes), oldest first. */
  async runDeferred(count = Infinity) {
    for (let i = 0; i < count && deferred.queue.length; i++) await deferred.queue.shift()!();
  }
}
