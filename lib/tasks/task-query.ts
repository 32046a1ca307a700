import { z } from 'zod';
import { taskPriorityEnum, taskStatusEnum } from '@/db/schema/tasks';

/** The project page's view of its tasks, read from (and written back to) the URL's search params. */
export const taskSorts = ['updated', 'title', 'status', 'priority', 'due'] as const;
export type TaskSort = (typeof taskSorts)[number];
export const dueFilters = ['overdue', 'week', 'none'] as const;
export const taskViews = ['list', 'board'] as const;
export type TaskView = (typeof taskViews)[number];

const id = z.uuid();
/** A value that is not one of the choices is dropped (a hand-edited URL shows everything, never a 500). */
const optional = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);

export const taskFiltersSchema = z.object({
  q: optional(z.string().trim().max(200).transform((s) => s || undefined)),
  status: optional(z.enum(taskStatusEnum.enumValues)),
  priority: optional(z.enum(taskPriorityEnum.enumValues)),
  /** A member's user id, or "none" for unassigned tasks. */
  assignee: optional(z.union([z.literal('none'), id])),
  label: optional(z.string().trim().min(1).max(40)),
  /** A milestone id, or "none" for tasks without one. */
  milestone: optional(z.union([z.literal('none'), id])),
  due: optional(z.enum(dueFilters)),
  /** "linked:<integrationId>" or "unlinked:<integrationId>". */
  link: optional(
    z.string().regex(/^(linked|unlinked):[0-9a-f-]{36}$/i).transform((v) => {
      const [mode, integrationId] = v.split(':') as ['linked' | 'unlinked', string];
      return { mode, integrationId };
    }),
  ),
});
export type TaskFilters = z.output<typeof taskFiltersSchema>;

export const taskQuerySchema = taskFiltersSchema.extend({
  sort: z.enum(taskSorts).catch('updated').default('updated'),
  dir: z.enum(['asc', 'desc']).optional().catch(undefined),
  /** Keyset cursor: where the next page starts (opaque to the user). */
  after: optional(z.string().max(500)),
  view: optional(z.enum(taskViews)),
  /** Tasks per list page (50 when absent). */
  per: optional(z.coerce.number().pipe(z.union([z.literal(25), z.literal(100), z.literal(200)]))),
});
export type TaskQuery = z.output<typeof taskQuerySchema>;

export const DEFAULT_PAGE_SIZE = 50;

/** Sorts read naturally: newest updates first, soonest due first, titles A→Z, urgent first. */
export const defaultDir: Record<TaskSort, 'asc' | 'desc'> = {
  updated: 'desc', title: 'asc', status: 'asc', priority: 'desc', due: 'asc',
};

type Params = Record<string, string | string[] | undefined>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export function parseTaskQuery(params: Params): TaskQuery {
  const flat = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, first(v)]));
  return taskQuerySchema.parse(flat);
}

/** The query back as URL params (undefined values left out), with `changes` applied. */
export function taskQueryHref(base: string, query: Partial<Record<keyof TaskQuery, unknown>>, changes: Record<string, string | undefined>) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue;
    if (key === 'link' && typeof value === 'object') {
      const l = value as { mode: string; integrationId: string };
      params.set('link', `${l.mode}:${l.integrationId}`);
    } else params.set(key, String(value));
  }
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined || value === '') params.delete(key);
    else params.set(key, value);
  }
  if (params.get('sort') === 'updated') params.delete('sort');
  const s = params.toString();
  return s ? `${base}?${s}` : base;
}

/** Opaque keyset cursor: the last row's sort key (as Postgres printed it) and id. */
export function encodeCursor(sortKey: string, taskId: string): string {
  return Buffer.from(JSON.stringify([sortKey, taskId])).toString('base64url');
}

export function decodeCursor(cursor: string | undefined): { sortKey: string; id: string } | undefined {
  if (!cursor) return undefined;
  try {
    const parsed = z.tuple([z.string().max(200), id]).safeParse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
    return parsed.success ? { sortKey: parsed.data[0], id: parsed.data[1] } : undefined;
  } catch {
    return undefined;
  }
}
