import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { externalMilestoneMappings, externalTaskMappings, tasks, taskSyncEvents } from '@/db/schema';
import { issueFields, syncedFieldNames } from '@/lib/integrations/github/map-fields';
import { setFaultHook } from '@/lib/sync/fault-points';
import type { Field, System } from './system';

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Every pending webhook delivered (or already dropped), the scheduled pushes run, failed deliveries retried, one full sync. */
export async function quiesce(s: System) {
  s.fake.faults.length = 0;
  s.fake.beforeNextPatch = null;
  setFaultHook(null);
  await settle(s);
  await s.syncWhole();
  await settle(s);
}

/** Delivers what GitHub emitted (including the webhooks of our own writes) and runs queued work, until nothing is left. */
async function settle(s: System) {
  for (let round = 0; round < 5; round++) {
    s.collect();
    if (!s.pending.length && !s.hasDeferred()) break;
    for (const d of s.pending.splice(0)) {
      s.delivered.push(d);
      await s.deliver(d);
    }
    await s.runDeferred();
    await s.retryStoredDeliveries();
  }
}

async function state(s: System) {
  const rows = await s.db
    .select({ task: tasks, mapping: externalTaskMappings })
    .from(tasks)
    .leftJoin(externalTaskMappings, and(eq(externalTaskMappings.taskId, tasks.id), eq(externalTaskMappings.integrationId, s.integrationId)))
    .where(eq(tasks.projectId, s.projectId));
  const conflicts = await s.db
    .select({ taskId: taskSyncEvents.taskId, details: taskSyncEvents.details })
    .from(taskSyncEvents)
    .where(and(eq(taskSyncEvents.integrationId, s.integrationId), eq(taskSyncEvents.kind, 'conflict')));
  const milestoneMaps = await s.db.select().from(externalMilestoneMappings).where(eq(externalMilestoneMappings.integrationId, s.integrationId));
  return { rows, conflicts, milestoneOf: new Map(milestoneMaps.map((m) => [m.externalId, m.milestoneId])) };
}

const last = (s: System, key: string, field: Field) => s.writes.filter((w) => w.key === key && w.field === field).at(-1);

/** After quiescence: pairs agree, no duplicates, no lost edit, conflicts only where both sides wrote, bounded API writes. */
export async function convergenceViolations(s: System): Promise<string[]> {
  const out: string[] = [];
  const { rows, conflicts, milestoneOf } = await state(s);
  const linkedIssues = new Map<number, string>();
  const removedDelivered = new Set(
    s.delivered.filter((d) => d.action === 'deleted' || d.action === 'transferred').map((d) => (d.payload.issue as { number: number }).number),
  );
  for (const { task, mapping } of rows) {
    if (!mapping) {
      if (!s.localTasks.has(task.id)) out.push(`task "${task.title}" exists without a link and was not made in the app`);
      continue;
    }
    const n = Number(mapping.externalKey!.split('#').pop());
    if (mapping.syncEnabled && (!mapping.lastSyncedAt || task.updatedAt > mapping.lastSyncedAt)) out.push(`#${n} still owes GitHub a push`);
    if (linkedIssues.has(n)) out.push(`issue #${n} is linked to two tasks`);
    linkedIssues.set(n, task.id);
    if (!s.userIssues.has(n) && !s.localTasks.has(task.id)) out.push(`issue #${n} (created by an export) imported as a second task`);
    if (s.userIssues.has(n) && s.localTasks.has(task.id)) out.push(`app task "${task.title}" linked to a GitHub-made issue #${n}`);
    if (s.removedIssues.has(n)) {
      if (mapping.syncEnabled && removedDelivered.has(n)) out.push(`issue #${n} was removed (webhook delivered) but its task is still linked`);
      continue;
    }
    if (!mapping.syncEnabled) {
      out.push(`issue #${n} exists but its link is disabled`);
      continue;
    }
    const issue = s.fake.issue(s.repoName, n);
    const local = s.localFields(task);
    const remote = issueFields(issue as never);
    for (const f of syncedFieldNames) {
      if (!same(local[f], remote[f])) out.push(`#${n} ${f}: task ${JSON.stringify(local[f])} ≠ issue ${JSON.stringify(remote[f])}`);
      const l = last(s, `task:${task.id}`, f);
      const r = last(s, `issue:${n}`, f);
      const newer = !l ? r : !r ? l : l.seq > r.seq ? l : r;
      const older = newer === l ? r : l;
      if (!newer || same(remote[f], newer.value)) continue;
      // A-B-A: the newer write put back a value its side held before. If that is the last agreed value, the
      // system rightly sees no change on that side (a three-way merge compares values) and the other side wins.
      const restored = s.writes.some((w) => w.key === newer.key && w.field === f && w.seq <= newer.seq && same(w.prev, newer.value));
      if (older && same(remote[f], older.value) && restored) continue;
      // GitHub has no conditional write: an edit landing between our read and our PATCH of the same field is
      // overwritten by the PATCH, the later write at GitHub. Unavoidable, so not counted as a lost edit.
      if (older && same(remote[f], older.value) && newer.racing) continue;
      const recorded = conflicts.some((c) => c.taskId === task.id && (c.details as { field?: string }).field === f);
      if (!older || !same(remote[f], older.value)) out.push(`#${n} ${f}: lost edit, ${JSON.stringify(newer.value)} (${newer.side}) became ${JSON.stringify(remote[f])}`);
      else if (!recorded) out.push(`#${n} ${f}: the older ${older.side} write won without a recorded conflict`);
    }
    if (!s.localMilestoneEdits.has(task.id)) {
      const want = issue.milestone ? (milestoneOf.get(String(issue.milestone.id)) ?? 'unmapped') : null;
      if (task.milestoneId !== want) out.push(`#${n} milestone: task ${task.milestoneId} ≠ issue's ${issue.milestone?.title ?? 'none'}`);
    }
  }
  for (const issue of s.issues()) if (!linkedIssues.has(issue.number)) out.push(`issue #${issue.number} has no task`);
  for (const c of conflicts) {
    const f = (c.details as { field: string }).field as Field;
    const n = [...linkedIssues].find(([, t]) => t === c.taskId)?.[0];
    const edited = (key: string) => s.writes.some((w) => w.key === key && w.field === f && !w.creation);
    if (n === undefined || !edited(`task:${c.taskId}`) || !edited(`issue:${n}`)) out.push(`conflict recorded on #${n} ${f} though not both sides edited it`);
  }
  const apiWrites = appWrites(s);
  if (apiWrites > s.localEdits + 2 * s.exports) out.push(`${apiWrites} API writes for ${s.localEdits} edits and ${s.exports} exports`);
  return out;
}

/** Successful issue writes (POST/PATCH) the app made on the fake. */
export function appWrites(s: System) {
  return s.fake.requests.filter((r) => (r.method === 'POST' || r.method === 'PATCH') && r.status < 300 && r.path.includes('/issues')).length;
}

async function writeMarks(s: System) {
  const { rows } = await state(s);
  const events = await s.db.select({ id: taskSyncEvents.id }).from(taskSyncEvents).where(eq(taskSyncEvents.integrationId, s.integrationId));
  return {
    api: appWrites(s),
    events: events.length,
    rows: JSON.stringify(rows.map((r) => [r.task.id, r.task.updatedAt, r.mapping?.updatedAt, r.mapping?.snapshot]).sort()),
  };
}

/** No echo: a second sync and a replay of every delivery (with new delivery ids) write nothing on either side. */
export async function echoViolations(s: System): Promise<string[]> {
  const before = await writeMarks(s);
  await s.syncWhole();
  // Deliveries of one change carry the same issue: one replay per distinct content is the same test, faster.
  const distinct = new Map(s.delivered.map((d) => [`${d.action === 'deleted' || d.action === 'transferred'}:${JSON.stringify(d.payload.issue)}`, d]));
  for (const d of distinct.values()) await s.deliver(d, randomUUID());
  await s.runDeferred();
  s.collect();
  const after = await writeMarks(s);
  const out: string[] = [];
  if (after.api !== before.api) out.push(`echo: ${after.api - before.api} API writes`);
  if (after.events !== before.events) out.push(`echo: ${after.events - before.events} timeline rows`);
  if (after.rows !== before.rows) out.push('echo: tasks or mappings were written');
  if (s.pending.length) out.push(`echo: ${s.pending.length} webhooks emitted`);
  return out;
}
