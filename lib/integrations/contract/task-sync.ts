import type { TaskField } from './changes';
import type { IntegrationConnection } from './connection';

/**
 * `taskSync` (GitHub, Jira): a provider supplies its API calls and its mapping; the engine
 * (lib/sync/engine) owns everything else — reading links, the per-field three-way merge and
 * the conflict policy, the one-statement write per page, timeline events, echo suppression
 * (snapshots + external updated-at), export, bulk export and push.
 *
 * Fields are compared in the provider's terms (`TFields`): the link's snapshot (the merge
 * base) stores them, so a provider's mapping can change without rewriting the snapshot.
 * The engine adds one field of its own to every snapshot, `milestone` (the external
 * milestone id), for providers with `milestones`.
 *
 * Errors: throw `ItemGoneError` (lib/integrations/kit/errors) when the item was deleted at
 * the provider, `SyncPausedError` on a rate limit, `ReconnectNeededError` on a refused token.
 */

/** Who wins a field changed on both sides since the last sync. */
/** 'ask': a field changed on both sides is held (neither side written) until the owner chooses in the conflict inbox. */
export type ConflictPolicy = 'newest' | 'taskbridge' | 'external' | 'ask';

/** One page of `pull`. */
export type PulledPage<TItem> = {
  items: TItem[];
  /** Where the next page starts; saved in the same statement as the page's data. */
  cursor: Record<string, unknown>;
  done: boolean;
  /** The provider answered "nothing changed" (GitHub 304 on If-None-Match): nothing is written. */
  notModified?: boolean;
  quota?: { limit: number | null; remaining: number | null; resetAt: string | null } | null;
};

/** Who an item is, in the engine's terms. `externalId` is immutable (GitHub issue id, Jira issue id — never the key). */
export type ItemIdentity = {
  externalId: string;
  /** Human key shown on the task ("owner/repo#12", "PROJ-7"); may change (a Jira issue moved). */
  externalKey: string;
  url: string | null;
  /** The provider's last-modified stamp: an item not newer than the link's is an echo, skipped. */
  updatedAt: string;
  /** Not a task-like item (a pull request): skipped. */
  skip?: boolean;
};

/** Where items live: the integration's external id as configured. */
export type ItemScope = { externalId: string | null };

/** A linked item as write/fetch address it (GitHub needs the issue number, which is in the key). */
export type ItemRef = { externalId: string; externalKey: string };

/** A provider milestone (GitHub milestone, Jira fix version): imported once per integration, reused by name. */
export type ExternalMilestone = { externalId: string; title: string; description: string; dueDate: string | null };

/** A project member as a mapping may name them (GitHub login ~ name or email local part). */
export type SyncMember = { id: string; name: string | null; email: string };

/** What a mapping needs besides the item. */
export type FieldMapContext = {
  settings: Record<string, unknown>;
  members: SyncMember[];
};

/** A task as the mapping reads it and writes it (the columns the engine writes). */
export type TaskForSync = {
  title: string;
  description: string;
  status: 'todo' | 'in_progress' | 'done' | 'cancelled';
  priority: 'low' | 'medium' | 'high' | 'urgent';
  labels: string[];
  assigneeIds: string[];
  /** Provider assignees that match no member, kept so they survive a round trip. */
  externalAssignees: string[];
  dueDate: string | null;
};

/** Per-integration options read from its settings. */
export type TaskSyncOptions<TItem> = {
  conflictPolicy: ConflictPolicy;
  /** Import filter for items not linked yet (a sync applies it to every item of a page). Absent: all. */
  accepts?: (item: TItem) => boolean;
};

/**
 * `milestones`: the provider has a milestone field; the engine maps it through
 * external_milestone_mappings (imported milestones join a project milestone of the same name).
 */
export type MilestoneSupport<TItem> = {
  of: (item: TItem) => ExternalMilestone | null;
  /**
   * Finds or creates the provider's milestone for a project milestone (by title). With it, the
   * milestone is merged like any field and local edits are pushed; without it, the item's
   * milestone only flows in.
   */
  ensure?: (connection: IntegrationConnection, milestone: { title: string; description: string; dueDate: string | null }) => Promise<ExternalMilestone>;
};

export type TaskSyncCapability<TItem = unknown, TFields extends Record<string, unknown> = Record<string, unknown>> = {
  /** "issue": the noun the UI uses ("Create GitHub issue", "Linked GitHub issue owner/repo#7"). */
  itemNoun: string;
  /** The provider's field names, in the order they are merged. Values are compared as JSON. */
  fields: ReadonlyArray<keyof TFields & string>;
  /** The task fields these cover (plus `milestoneId` with `milestones`): edits to others are not sent, and the task page says so. */
  taskFields: readonly TaskField[];
  /** The conflict policy and import filter of one integration, from its settings. */
  options: (settings: Record<string, unknown>) => TaskSyncOptions<TItem>;
  /** One page of items changed since the cursor (null: from scratch). */
  pull: (connection: IntegrationConnection, cursor: Record<string, unknown> | null) => Promise<PulledPage<TItem>>;
  /** `scope` is the integration's external id (GitHub `owner/repo`, Jira project key). */
  identify: (item: TItem, scope: ItemScope) => ItemIdentity;
  /** The item's synced fields. */
  toFields: (item: TItem, map: FieldMapContext) => TFields;
  /** The task's side in the same terms. */
  fromTask: (task: TaskForSync, map: FieldMapContext) => TFields;
  /** The task columns for (some of) the provider's fields; `current` is null for a new task. */
  toTask: (fields: Partial<TFields>, map: FieldMapContext, current: TaskForSync | null) => Partial<TaskForSync>;
  /**
   * Creates the item. `createdAt` is its updated-at right after creation, before any follow-up
   * write (GitHub closes in a second call): if someone else edits it meanwhile, the webhook of
   * that edit is still newer than the link.
   */
  create: (connection: IntegrationConnection, fields: TFields, extra: { milestone: { externalId: string } | null }) => Promise<{ item: TItem; createdAt: string }>;
  /** Sends only the changed fields (Jira status goes through a transition here); returns the item as it now is. */
  write: (connection: IntegrationConnection, ref: ItemRef, patch: Partial<TFields> & { milestone?: { externalId: string } | null }) => Promise<TItem>;
  /** Reads one item fresh (before a push; a Jira webhook is only a signal). */
  fetch: (connection: IntegrationConnection, ref: ItemRef) => Promise<TItem>;
  /** The item's milestone (GitHub milestone, Jira fix version), when the provider has one. */
  milestones?: MilestoneSupport<TItem>;
};
