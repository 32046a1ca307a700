import type {
  ConflictPolicy, ExternalMilestone, FieldMapContext, ItemScope, TaskForSync, TaskSyncCapability,
} from '@/lib/integrations/contract/task-sync';
import type { ExistingLink } from '@/db/queries/task-links';
import { type FieldConflict, threeWayMerge } from './three-way-merge';

/** A project milestone not known to the provider yet: created there when this value is pushed. */
export const LOCAL_MILESTONE = 'local:';

/** What to write for one item: the task values, the link, and what must go back to the provider. */
export type ItemPlan = {
  externalId: string;
  externalKey: string;
  externalUrl: string | null;
  externalUpdatedAt: string;
  taskId: string;
  isNew: boolean;
  /** false when only the link moves (e.g. a local-only change that will be pushed). */
  writeTask: boolean;
  task: TaskForSync;
  milestone: ExternalMilestone | null;
  /** true: the task's milestone follows `milestone` (resolved in SQL); false: it keeps keepMilestoneId. */
  setsMilestone: boolean;
  keepMilestoneId: string | null;
  /** The provider's values: the link's snapshot until a push of toRemote succeeds. */
  snapshot: Record<string, unknown>;
  toRemote: Record<string, unknown>;
  conflicts: FieldConflict[];
  changedFields: string[];
  /** The task columns this write changes (the local change the fan-out hears about). */
  changedTaskFields: string[];
};

export type PlanContext = { map: FieldMapContext; policy: ConflictPolicy; scope: ItemScope };

/** A new task's columns the mapping leaves unset. */
const NEW_TASK: TaskForSync = {
  title: '', description: '', status: 'todo', priority: 'medium', labels: [], assigneeIds: [], externalAssignees: [], dueDate: null,
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyTaskSync = TaskSyncCapability<any, any>;

/** The provider id of the task's milestone, preferring the one both sides last agreed on. */
function localMilestone(link: ExistingLink, base: unknown, remote: string | null): string | null {
  const id = link.task.milestoneId;
  if (!id) return null;
  const known = link.milestoneExternalIds ?? [];
  if (typeof base === 'string' && known.includes(base)) return base;
  if (remote && known.includes(remote)) return remote;
  return known[0] ?? `${LOCAL_MILESTONE}${id}`;
}

/**
 * Decides what one item does to its task — the single path of import, webhooks and push.
 * Returns null when there is nothing to do: the item is not task-like, the link was cut, or
 * the item is not newer than what was last synced (this is also what stops echoes of our
 * own writes). Otherwise merges per field against the link's snapshot.
 */
export function planItem<TItem>(
  cap: AnyTaskSync,
  item: TItem,
  existing: ExistingLink | undefined,
  ctx: PlanContext,
  opts: { evenIfNotNewer?: boolean } = {},
): ItemPlan | null {
  const id = cap.identify(item, ctx.scope);
  if (id.skip) return null;
  const remoteAt = new Date(id.updatedAt);
  if (existing && !existing.syncEnabled) return null;
  if (existing?.externalUpdatedAt && existing.externalUpdatedAt >= remoteAt && !opts.evenIfNotNewer) return null;
  const remote: Record<string, unknown> = cap.toFields(item, ctx.map);
  const milestone = cap.milestones?.of(item) ?? null;
  const remoteMs = milestone?.externalId ?? null;
  const snapshot = cap.milestones ? { ...remote, milestone: remoteMs } : remote;
  const base = { externalId: id.externalId, externalKey: id.externalKey, externalUrl: id.url, externalUpdatedAt: id.updatedAt, milestone, snapshot };
  if (!existing) {
    return {
      ...base, taskId: crypto.randomUUID(), isNew: true, writeTask: true, setsMilestone: true, keepMilestoneId: null,
      task: { ...NEW_TASK, ...cap.toTask(remote, ctx.map, null) }, toRemote: {}, conflicts: [], changedFields: [], changedTaskFields: [],
    };
  }
  const t = existing.task;
  const snap = existing.snapshot;
  const mergesMilestone = Boolean(cap.milestones?.ensure);
  const fields: string[] = mergesMilestone ? [...cap.fields, 'milestone'] : [...cap.fields];
  const merge = threeWayMerge<Record<string, unknown>>({
    fields,
    base: cap.fields.every((f: string) => f in snap) ? { ...snap, milestone: snap.milestone ?? null } : null,
    local: { ...cap.fromTask(t, ctx.map), milestone: localMilestone(existing, snap.milestone, remoteMs) },
    remote: { ...remote, milestone: remoteMs },
    policy: ctx.policy,
    localChangedAt: t.updatedAt,
    remoteChangedAt: remoteAt,
  });
  const { milestone: _ms, ...into } = merge.toLocal;
  // A held field keeps the last agreed value as the provider's base, so it stays a conflict until settled.
  const held = merge.conflicts.filter((c) => c.winner === 'held');
  const keptSnapshot = held.length ? { ...snapshot, ...Object.fromEntries(held.map((c) => [c.field, snap[c.field] ?? null])) } : snapshot;
  const milestoneChanged = mergesMilestone ? 'milestone' in merge.toLocal : remoteMs !== ((snap.milestone as string | null | undefined) ?? null);
  const changedFields = [...Object.keys(into), ...(milestoneChanged ? ['milestone'] : [])];
  const taskPatch = cap.toTask(into, ctx.map, pickTask(t));
  return {
    ...base,
    snapshot: keptSnapshot,
    taskId: existing.taskId,
    isNew: false,
    writeTask: changedFields.length > 0,
    setsMilestone: milestoneChanged,
    keepMilestoneId: t.milestoneId,
    task: { ...pickTask(t), ...taskPatch },
    toRemote: merge.toRemote,
    conflicts: merge.conflicts,
    changedFields,
    changedTaskFields: [
      ...Object.keys(taskPatch).filter((k) => JSON.stringify((t as Record<string, unknown>)[k] ?? null) !== JSON.stringify((taskPatch as Record<string, unknown>)[k] ?? null)),
      ...(milestoneChanged ? ['milestoneId'] : []),
    ],
  };
}

function pickTask(t: TaskForSync): TaskForSync {
  return {
    title: t.title, description: t.description, status: t.status, priority: t.priority, labels: t.labels,
    assigneeIds: t.assigneeIds, externalAssignees: t.externalAssignees, dueDate: t.dueDate,
  };
}
