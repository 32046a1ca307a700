import { ItemGoneError } from '@/lib/integrations/kit/errors';
import type { IntegrationConnection, TaskForSync, TaskSyncCapability } from '@/lib/integrations/types';

/**
 * A provider written only against the contract: a tiny in-memory issue tracker ("Tracker")
 * and its `taskSync` — mapping and API calls, nothing else. The engine does the rest.
 */
export type TrackerItem = {
  id: string; key: string; title: string; notes: string; done: boolean; tags: string[];
  priority: 'P0' | 'P1' | 'P2' | 'P3'; due: string | null; updatedAt: string;
};
type TrackerFields = Pick<TrackerItem, 'title' | 'notes' | 'done' | 'tags' | 'priority' | 'due'>;

/** The tracker's "API": boards of items, a clock that moves a second per write, and a call log. */
export class Tracker {
  readonly boards = new Map<string, TrackerItem[]>();
  readonly calls: string[] = [];
  private clock = Date.parse('2026-01-01T00:00:00Z');
  private seq = 0;
  stamp() { return new Date((this.clock += 1000)).toISOString(); }
  board(name: string | null) {
    if (!name) throw new Error('no board');
    if (!this.boards.has(name)) this.boards.set(name, []);
    return this.boards.get(name)!;
  }
  add(board: string, fields: Partial<TrackerFields> & { title: string }): TrackerItem {
    const item: TrackerItem = {
      notes: '', done: false, tags: [], priority: 'P2', due: null, ...fields,
      id: `itm-${++this.seq}`, key: `${board.toUpperCase()}-${this.seq}`, updatedAt: this.stamp(),
    };
    this.board(board).push(item);
    return item;
  }
  edit(board: string, id: string, patch: Partial<TrackerFields>): TrackerItem {
    const item = this.board(board).find((i) => i.id === id);
    if (!item) throw new ItemGoneError();
    Object.assign(item, patch, { updatedAt: this.stamp() });
    return item;
  }
}

const priorities = { urgent: 'P0', high: 'P1', medium: 'P2', low: 'P3' } as const;
const byPriority = Object.fromEntries(Object.entries(priorities).map(([k, v]) => [v, k])) as Record<TrackerItem['priority'], TaskForSync['priority']>;
const sorted = (tags: string[]) => [...new Set(tags)].sort();
const copy = (i: TrackerItem) => structuredClone(i);

export function trackerTaskSync(tracker: Tracker): TaskSyncCapability<TrackerItem, TrackerFields> {
  const api = (connection: IntegrationConnection, call: string) => {
    tracker.calls.push(call);
    return tracker.board(connection.externalId);
  };
  return {
    itemNoun: 'card',
    fields: ['title', 'notes', 'done', 'tags', 'priority', 'due'],
    taskFields: ['title', 'description', 'status', 'labels', 'priority', 'dueDate'],
    options: (settings) => ({ conflictPolicy: (settings.conflictPolicy as 'taskbridge' | 'external' | undefined) ?? 'newest' }),
    async pull(connection, cursor) {
      const since = typeof cursor?.since === 'string' ? cursor.since : '';
      const changed = api(connection, 'list').filter((i) => i.updatedAt > since).sort((a, b) => a.updatedAt.localeCompare(b.updatedAt));
      const page = changed.slice(0, 2).map(copy);
      return { items: page, cursor: { since: page.at(-1)?.updatedAt ?? since }, done: changed.length <= 2 };
    },
    identify: (i) => ({ externalId: i.id, externalKey: i.key, url: null, updatedAt: i.updatedAt }),
    toFields: (i) => ({ title: i.title, notes: i.notes, done: i.done, tags: sorted(i.tags), priority: i.priority, due: i.due }),
    fromTask: (t) => ({
      title: t.title, notes: t.description, done: t.status === 'done' || t.status === 'cancelled', tags: sorted(t.labels),
      priority: priorities[t.priority], due: t.dueDate,
    }),
    toTask(f, _map, current) {
      const out: Partial<TaskForSync> = {};
      if (f.title !== undefined) out.title = f.title;
      if (f.notes !== undefined) out.description = f.notes;
      if (f.done !== undefined) out.status = f.done ? 'done' : current?.status === 'in_progress' ? 'in_progress' : 'todo';
      if (f.tags !== undefined) out.labels = f.tags;
      if (f.priority !== undefined) out.priority = byPriority[f.priority];
      if (f.due !== undefined) out.dueDate = f.due;
      return out;
    },
    async create(connection, fields) {
      api(connection, 'create');
      const item = copy(tracker.add(connection.externalId!, fields));
      return { item, createdAt: item.updatedAt };
    },
    async write(connection, ref, patch) {
      api(connection, `write ${ref.externalKey} ${Object.keys(patch).sort().join(',')}`);
      const { milestone: _none, ...fields } = patch;
      return copy(tracker.edit(connection.externalId!, ref.externalId, fields));
    },
    async fetch(connection, ref) {
      const item = api(connection, `fetch ${ref.externalKey}`).find((i) => i.id === ref.externalId);
      if (!item) throw new ItemGoneError();
      return copy(item);
    },
  };
}
