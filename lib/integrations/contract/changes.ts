/**
 * A local change: one durable event per committed change in the app (task, milestone,
 * comment). It is a row of `local_changes`, written in the transaction of the change
 * (`withLocalChanges`, lib/changes/record.ts) and dispatched after the commit as
 * `taskbridge/local.changed`. The fan-out (lib/changes/fan-out.ts) hands it to every
 * ChangeTarget (lib/changes/targets: taskSync push, notify, calendar), each at most once
 * successfully, and never back to the integration it came from (`originIntegrationId`).
 */
export type LocalChangeKind =
  | 'task.created'
  | 'task.updated'
  | 'task.deleted'
  /** A soft-deleted task brought back (Undo). */
  | 'task.restored'
  | 'milestone.created'
  | 'milestone.updated'
  | 'milestone.deleted'
  | 'comment.created';

/** Task fields a change can name (the keys of the tasks row the app edits). */
export type TaskField =
  | 'title' | 'description' | 'status' | 'priority' | 'labels' | 'assigneeIds' | 'dueDate' | 'milestoneId';
export const taskFields: readonly TaskField[] = [
  'title', 'description', 'status', 'priority', 'labels', 'assigneeIds', 'dueDate', 'milestoneId',
];
/** Milestone fields a change can name. */
export const milestoneFields = ['title', 'description', 'dueDate'] as const;

export type LocalChange = {
  /** Unique per change; the idempotency key of every side effect (a notification posts once). */
  id: string;
  kind: LocalChangeKind;
  projectId: string;
  taskId: string | null;
  milestoneId: string | null;
  /**
   * Fields that changed, with their values before and after: for an update only the fields
   * whose value differs; for a create every field (`after`), for a delete every field (`before`).
   * Milestone changes name milestone fields (title, description, dueDate).
   */
  fields: string[];
  before?: Record<string, unknown>;
  after?: Record<string, unknown>;
  /** Who made the change: a user, or null when it came in from a provider. */
  actorUserId: string | null;
  /** The integration the change came in from (a webhook, a sync, a Slack command): not pushed back there. */
  originIntegrationId: string | null;
  occurredAt: string;
};
