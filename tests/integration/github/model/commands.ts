import fc from 'fast-check';
import { asc, eq } from 'drizzle-orm';
import { tasks } from '@/db/schema';
import { createTask } from '@/lib/actions/create-task';
import { exportTaskToIntegration } from '@/lib/actions/export-task-to-integration';
import { updateTask } from '@/lib/actions/update-task';
import { type FaultPoint, setFaultHook } from '@/lib/sync/fault-points';
import type { FakeMilestone } from '../../../fakes/github/fake-state';
import { deferred } from './hooks';
import type { System } from './system';

/** The model's own state is the System's ledger; commands are valid in any state (they pick among what exists). */
export type Model = Record<string, never>;
type Cmd = fc.AsyncCommand<Model, System>;

const TITLES = ['Alpha', 'Beta', 'Gamma'];
const BODIES = ['', 'one', 'two'];
const LABELS = [[], ['bug'], ['ui'], ['bug', 'ui'], ['p1']];
const STATUSES = ['todo', 'in_progress', 'done', 'cancelled'] as const;
const STATES = [{ state: 'open' }, { state: 'closed', state_reason: 'completed' }, { state: 'closed', state_reason: 'not_planned' }];
const LOGINS = [[], ['alice'], ['bob'], ['octocat'], ['alice', 'octocat']];
const MILESTONES: Array<FakeMilestone | null> = [null, { id: 901, number: 1, title: 'v1', state: 'open', due_on: null }, { id: 902, number: 2, title: 'v2', state: 'open', due_on: null }];
const FIELDS = ['title', 'description', 'status', 'labels', 'assignees', 'milestone'] as const;
type EditField = (typeof FIELDS)[number];

const at = <T>(xs: readonly T[], i: number): T => xs[i % xs.length]!;

async function projectTasks(s: System) {
  return s.db.select().from(tasks).where(eq(tasks.projectId, s.projectId)).orderBy(asc(tasks.createdAt), asc(tasks.id));
}

/** Runs the command, then takes the webhooks GitHub emitted meanwhile into the pending list. */
abstract class Base implements Cmd {
  check() { return true; }
  async run(_m: Model, s: System) {
    s.log(this.toString());
    await this.apply(s);
    s.collect();
  }
  abstract apply(s: System): Promise<void>;
}

/** A member edits one field in the app: the update-task server action (which schedules the push). */
export class AppEdit extends Base {
  constructor(readonly pick: number, readonly field: EditField, readonly v: number) { super(); }
  async apply(s: System) {
    const all = await projectTasks(s);
    if (!all.length) return;
    const task = at(all, this.pick);
    const members = s.memberIds;
    const patch = {
      title: { title: at(TITLES, this.v) },
      description: { description: at(BODIES, this.v) },
      status: { status: at(STATUSES, this.v) },
      labels: { labels: at(LABELS, this.v) },
      assignees: { assigneeIds: at([[], [members[0]!], [members[1]!], members], this.v) },
      milestone: { milestoneId: this.v % 2 ? s.milestoneId : null },
    }[this.field];
    const before = s.localWrite(task);
    const res = await updateTask({ projectId: s.projectId, taskId: task.id, ...patch });
    if (!res.ok) throw new Error(`updateTask failed: ${res.error.message}`);
    s.localEdits++;
    if (this.field === 'milestone') s.localMilestoneEdits.add(task.id);
    s.record('local', `task:${task.id}`, before, s.localWrite(res.data));
  }
  toString() { return `AppEdit(${this.pick}, ${this.field}, ${this.v})`; }
}

function editOnGithub(s: System, pick: number, field: EditField, v: number, racing = false) {
  const issues = s.issues();
  if (!issues.length) return;
  const issue = at(issues, pick);
  const patch = {
    title: { title: at(TITLES, v) },
    description: { body: at(BODIES, v) },
    status: at(STATES, v),
    labels: { labels: at(LABELS, v) },
    assignees: { assignees: at(LOGINS, v) },
    milestone: { milestone: at(MILESTONES, v) },
  }[field];
  const before = s.remoteWrite(issue);
  s.fake.editIssue(s.repoName, issue.number, patch);
  s.record('remote', `issue:${issue.number}`, before, s.remoteWrite(issue), racing);
}

/** A person edits one field of an issue on GitHub (webhooks are emitted). */
export class GithubEdit extends Base {
  constructor(readonly pick: number, readonly field: EditField, readonly v: number) { super(); }
  async apply(s: System) { editOnGithub(s, this.pick, this.field, this.v); }
  toString() { return `GithubEdit(${this.pick}, ${this.field}, ${this.v})`; }
}

/** The same edit, made while the app's next PATCH is in flight (after the app read the issue, before its write lands). */
export class GithubEditDuringPush extends Base {
  constructor(readonly pick: number, readonly field: EditField, readonly v: number) { super(); }
  async apply(s: System) {
    s.fake.beforeNextPatch = () => {
      s.log(`  (${this} lands now)`);
      editOnGithub(s, this.pick, this.field, this.v, true);
    };
  }
  toString() { return `GithubEditDuringPush(${this.pick}, ${this.field}, ${this.v})`; }
}

/** A member creates a task (create-task action) and, maybe, "Create GitHub issue" (export action). */
export class CreateTask extends Base {
  constructor(readonly v: number, readonly exportNow: boolean) { super(); }
  async apply(s: System) {
    const res = await createTask({ projectId: s.projectId, title: `Task ${at(TITLES, this.v)}`, status: at(STATUSES, this.v), labels: at(LABELS, this.v) });
    if (!res.ok) throw new Error(`createTask failed: ${res.error.message}`);
    s.localTasks.add(res.data.id);
    s.record('local', `task:${res.data.id}`, null, s.localWrite(res.data));
    if (this.exportNow) await exportTask(s, res.data.id);
  }
  toString() { return `CreateTask(${this.v}, ${this.exportNow})`; }
}

async function exportTask(s: System, taskId: string) {
  s.exports++;
  await exportTaskToIntegration({ projectId: s.projectId, integrationId: s.integrationId, taskId }); // may fail (faults): a retry is a later Export
}

/** "Create GitHub issue" on a task that exists (again, if it is linked already). */
export class Export extends Base {
  constructor(readonly pick: number) { super(); }
  async apply(s: System) {
    const local = (await projectTasks(s)).filter((t) => s.localTasks.has(t.id));
    if (local.length) await exportTask(s, at(local, this.pick).id);
  }
  toString() { return `Export(${this.pick})`; }
}

export class CreateIssue extends Base {
  constructor(readonly v: number) { super(); }
  async apply(s: System) { s.userCreatesIssue(`Issue ${at(TITLES, this.v)}`); }
  toString() { return `CreateIssue(${this.v})`; }
}

export class RemoveIssue extends Base {
  constructor(readonly pick: number, readonly transfer: boolean) { super(); }
  async apply(s: System) {
    const issues = s.issues();
    if (!issues.length) return;
    const { number } = at(issues, this.pick);
    if (this.transfer) s.fake.transferIssue(s.repoName, number, 'acme/elsewhere');
    else s.fake.deleteIssue(s.repoName, number);
    s.removedIssues.add(number);
  }
  toString() { return `RemoveIssue(${this.pick}, ${this.transfer ? 'transfer' : 'delete'})`; }
}

type DeliverMode = 'next' | 'any' | 'twice' | 'drop';
export class Deliver extends Base {
  constructor(readonly pick: number, readonly mode: DeliverMode) { super(); }
  async apply(s: System) {
    if (!s.pending.length) return;
    const [d] = s.pending.splice(this.mode === 'next' || this.mode === 'twice' ? 0 : this.pick % s.pending.length, 1);
    if (this.mode === 'drop') return;
    s.delivered.push(d!);
    await s.deliver(d!);
    if (this.mode === 'twice') await s.deliver(d!); // GitHub's redelivery keeps the delivery id
  }
  toString() { return `Deliver(${this.pick}, ${this.mode})`; }
}

export class Sync extends Base {
  constructor(readonly whole: boolean) { super(); }
  async apply(s: System) { await (this.whole ? s.syncWhole() : s.syncOnePage()); }
  toString() { return `Sync(${this.whole ? 'whole' : 'page'})`; }
}

/** The scheduled pushes run (after the response); `lose` drops one instead, as a process dying after its response would. */
export class Push extends Base {
  constructor(readonly lose: boolean) { super(); }
  async apply(s: System) {
    if (this.lose) deferred.queue.shift();
    else await s.runDeferred(1);
  }
  toString() { return `Push(${this.lose ? 'lose' : 'run'})`; }
}

/** The process dies at a point between two writes of a page or a push; then the work resumes (a sync). */
export class Crash extends Base {
  constructor(readonly point: FaultPoint) { super(); }
  async apply(s: System) {
    let armed = true;
    setFaultHook((p) => {
      if (p === this.point && armed) {
        armed = false;
        throw new Error(`crash at ${p}`);
      }
    });
    try {
      if (this.point === 'push.sent' && deferred.queue.length) await s.runDeferred(1);
      else await s.syncWhole();
    } finally {
      setFaultHook(null);
    }
    s.collect();
    await s.syncWhole();
  }
  toString() { return `Crash(${this.point})`; }
}

export class Faults extends Base {
  constructor(readonly status: 500 | 429, readonly n: number) { super(); }
  async apply(s: System) {
    for (let i = 0; i < this.n; i++) s.fake.faults.push(this.status === 429 ? { status: 429, retryAfter: 1 } : { status: 500 });
  }
  toString() { return `Faults(${this.status}, ${this.n})`; }
}

const pick = fc.nat({ max: 50 });
const v = fc.nat({ max: 11 });
const field = fc.constantFrom(...FIELDS);

const appEdit = fc.tuple(pick, field, v).map(([p, f, x]) => new AppEdit(p, f, x));
const githubEdit = fc.tuple(pick, field, v).map(([p, f, x]) => new GithubEdit(p, f, x));
const deliver = fc.tuple(pick, fc.constantFrom<DeliverMode>('next', 'next', 'any', 'twice', 'drop')).map(([p, m]) => new Deliver(p, m));
const sync = fc.boolean().map((w) => new Sync(w));
const push = fc.boolean().map((l) => new Push(l));

/** Edits, deliveries, syncs and pushes weigh more: the bugs live in how they interleave. */
export const commandArbs: Array<fc.Arbitrary<Cmd>> = [
  appEdit, appEdit, appEdit,
  githubEdit, githubEdit, githubEdit,
  fc.tuple(pick, field, v).map(([p, f, x]) => new GithubEditDuringPush(p, f, x)),
  deliver, deliver, deliver,
  sync, sync,
  push, push,
  fc.tuple(v, fc.boolean()).map(([x, e]) => new CreateTask(x, e)),
  pick.map((p) => new Export(p)),
  v.map((x) => new CreateIssue(x)),
  fc.tuple(pick, fc.boolean()).map(([p, t]) => new RemoveIssue(p, t)),
  fc.constantFrom<FaultPoint>('sync.page-written', 'push.sent').map((p) => new Crash(p)),
  fc.tuple(fc.constantFrom<500 | 429>(500, 429), fc.integer({ min: 1, max: 4 })).map(([st, n]) => new Faults(st, n)),
];
