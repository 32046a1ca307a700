import type { TaskStatus } from '@/db/schema';
import { threeWayMerge, type ConflictPolicy, type FieldConflict } from '@/lib/sync/three-way-merge';
import {
  type GithubIssue, issueFields, type MemberMatcher, readSnapshot, stateToStatus, syncedFieldNames, type SyncedFields, taskFields,
} from './map-fields';

/** A task already linked to an issue, as read before a page is written. */
export type ExistingLink = {
  taskId: string;
  snapshot: Record<string, unknown>;
  externalUpdatedAt: Date | null;
  syncEnabled: boolean;
  task: {
    title: string; description: string; status: TaskStatus; labels: string[];
    assigneeIds: string[]; externalAssignees: string[]; updatedAt: Date; milestoneId: string | null;
  };
};

export type PlannedMilestone = { externalId: string; title: string; description: string; dueDate: string | null };

/** What to write for one issue: the task values, the mapping, and what must go back to GitHub. */
export type IssuePlan = {
  externalId: string;
  externalKey: string;
  externalUrl: string | null;
  externalUpdatedAt: string;
  taskId: string;
  isNew: boolean;
  /** false when only the mapping moves (e.g. a local-only change that will be pushed). */
  writeTask: boolean;
  task: {
    title: string; description: string; status: TaskStatus; labels: string[];
    assigneeIds: string[]; externalAssignees: string[];
  };
  milestone: PlannedMilestone | null;
  /** true: the task's milestone follows `milestone` (resolved in SQL); false: it keeps keepMilestoneId. */
  setsMilestone: boolean;
  keepMilestoneId: string | null;
  snapshot: SyncedFields & { milestone: string | null };
  toRemote: Partial<SyncedFields>;
  conflicts: FieldConflict[];
  changedFields: string[];
  /** The snapshot once toRemote is written to GitHub. */
  mergedSnapshot: SyncedFields & { milestone: string | null };
};

export type PlanContext = { repoFullName: string; matcher: MemberMatcher; policy: ConflictPolicy };

/**
 * Decides what one issue does to its task — the single mapping path shared by import and
 * webhooks. Returns null when there is nothing to do: the issue is a pull request, the
 * link was cut, or the issue is not newer than what was last synced (this is also what
 * stops echoes of Taskbridge's own writes).
 */
export function planIssue(
  issue: GithubIssue,
  existing: ExistingLink | undefined,
  ctx: PlanContext,
  opts: { evenIfNotNewer?: boolean } = {},
): IssuePlan | null {
  if (issue.pull_request !== undefined && issue.pull_request !== null) return null;
  const remoteAt = new Date(issue.updated_at);
  if (existing && !existing.syncEnabled) return null;
  if (existing?.externalUpdatedAt && existing.externalUpdatedAt >= remoteAt && !opts.evenIfNotNewer) return null;
  const remote = issueFields(issue);
  const m = issue.milestone;
  const milestone = m
    ? { externalId: String(m.id), title: m.title, description: m.description ?? '', dueDate: m.due_on ? m.due_on.slice(0, 10) : null }
    : null;
  const base = {
    externalId: String(issue.id),
    externalKey: `${ctx.repoFullName}#${issue.number}`,
    externalUrl: issue.html_url,
    externalUpdatedAt: issue.updated_at,
    milestone,
  };
  if (!existing) {
    return {
      ...base,
      taskId: crypto.randomUUID(),
      isNew: true,
      writeTask: true,
      setsMilestone: true,
      keepMilestoneId: null,
      task: {
        title: remote.title, description: remote.body, status: stateToStatus(remote.state), labels: remote.labels,
        ...ctx.matcher.split(remote.assignees),
      },
      snapshot: { ...remote, milestone: milestone?.externalId ?? null },
      toRemote: {},
      conflicts: [],
      changedFields: [],
      mergedSnapshot: { ...remote, milestone: milestone?.externalId ?? null },
    };
  }
  const local = taskFields(existing.task, ctx.matcher);
  const merge = threeWayMerge({
    fields: syncedFieldNames,
    base: readSnapshot(existing.snapshot),
    local,
    remote,
    policy: ctx.policy,
    localChangedAt: existing.task.updatedAt,
    remoteChangedAt: remoteAt,
  });
  const t = existing.task;
  const into = merge.toLocal;
  const assignees = into.assignees ? ctx.matcher.split(into.assignees) : { assigneeIds: t.assigneeIds, externalAssignees: t.externalAssignees };
  const milestoneChanged = (milestone?.externalId ?? null) !== ((existing.snapshot.milestone as string | null | undefined) ?? null);
  const changedFields = [...Object.keys(into), ...(milestoneChanged ? ['milestone'] : [])];
  return {
    ...base,
    taskId: existing.taskId,
    isNew: false,
    writeTask: changedFields.length > 0,
    setsMilestone: milestoneChanged,
    keepMilestoneId: t.milestoneId,
    task: {
      title: into.title ?? t.title,
      description: into.body ?? t.description,
      status: into.state ? stateToStatus(into.state, t.status) : t.status,
      labels: into.labels ?? t.labels,
      ...assignees,
    },
    // GitHub's values until a push of toRemote succeeds (a failed push is retried next time).
    snapshot: { ...remote, milestone: milestone?.externalId ?? null },
    toRemote: merge.toRemote,
    conflicts: merge.conflicts,
    changedFields,
    mergedSnapshot: { ...merge.merged, milestone: milestone?.externalId ?? null },
  };
}
