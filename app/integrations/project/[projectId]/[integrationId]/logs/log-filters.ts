import { z } from 'zod';
import { encodeCursor, type PageCursor, pageCursorSchema } from '@/db/queries/keyset';
import { logActionEnum, logStatusEnum, webhookStatusEnum } from '@/db/schema';

/** Query-string filters of the logs page; each is validated on its own so one bad value only drops itself. */
const filterSchemas = {
  logStatus: z.enum(logStatusEnum.enumValues),
  logAction: z.enum(logActionEnum.enumValues),
  deliveryStatus: z.enum(webhookStatusEnum.enumValues),
  event: z.string().regex(/^[A-Za-z0-9_.:-]{1,100}$/),
};
export type LogFilters = { [K in keyof typeof filterSchemas]?: z.output<(typeof filterSchemas)[K]> };

/** Keyset cursors of the two lists (see db/queries/keyset.ts): where each list's page starts. */
const cursorNames = ['logsBefore', 'logsAfter', 'deliveriesBefore', 'deliveriesAfter'] as const;
export type LogCursors = { [K in (typeof cursorNames)[number]]?: PageCursor };

// Why: bad filter or cursor values are ignored and named back to the user, never a 500.
export function parseLogFilters(searchParams: Record<string, string | string[] | undefined>): {
  filters: LogFilters;
  cursors: LogCursors;
  ignored: string[];
} {
  const filters: Record<string, string> = {};
  const cursors: Record<string, PageCursor> = {};
  const ignored: string[] = [];
  const schemas: Array<[string, z.ZodType<unknown>, Record<string, unknown>]> = [
    ...Object.entries(filterSchemas).map(([k, s]): [string, z.ZodType<unknown>, Record<string, unknown>] => [k, s, filters]),
    ...cursorNames.map((k): [string, z.ZodType<unknown>, Record<string, unknown>] => [k, pageCursorSchema, cursors]),
  ];
  for (const [key, schema, into] of schemas) {
    const raw = searchParams[key];
    const value = Array.isArray(raw) ? raw[0] : raw;
    if (value === undefined || value === '') continue;
    const parsed = schema.safeParse(value);
    if (parsed.success) into[key] = parsed.data;
    else ignored.push(key);
  }
  return { filters: filters as LogFilters, cursors: cursors as LogCursors, ignored };
}

/**
 * A link to the logs page with the current filters and cursors, minus `drop` (the cursors of
 * the list being paged), plus `set`.
 */
export function logsPageHref(base: string, current: { filters: LogFilters; cursors: LogCursors }, drop: string[], set: Record<string, string>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(current.filters)) if (v) params.set(k, v);
  for (const [k, v] of Object.entries(current.cursors)) if (v && !drop.includes(k)) params.set(k, encodeCursor(v));
  for (const [k, v] of Object.entries(set)) params.set(k, v);
  const query = params.toString();
  return query ? `${base}?${query}` : base;
}

export const filterOptions = {
  logStatus: logStatusEnum.enumValues,
  logAction: logActionEnum.enumValues,
  deliveryStatus: webhookStatusEnum.enumValues,
};
