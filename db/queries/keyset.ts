import { and, asc, desc, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { z } from 'zod';

/**
 * Keyset ("seek") pagination for newest-first lists ordered by (time, id): a page starts
 * strictly after a cursor instead of skipping OFFSET rows, so a deep page costs what the
 * first page costs (an index range scan on (…filters, time, id)). The id breaks ties between
 * equal times. Cursors keep the time to the microsecond as PostgreSQL stores it (a JS Date
 * would round to milliseconds and skip or repeat rows).
 */
export type PageCursor = { at: string; id: string };
export type KeysetPage<T> = { rows: T[]; older?: PageCursor; newer?: PageCursor };
/** `before`: the page of older rows after this cursor; `after`: the page of newer rows before it. */
export type KeysetRequest = { limit: number; before?: PageCursor; after?: PageCursor };

const cursorPattern = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z)_([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

/** A cursor in a URL: `2026-11-30T12:00:00.123456Z_<uuid>`. */
export const pageCursorSchema = z
  .string()
  .regex(cursorPattern)
  .transform((value): PageCursor => {
    const [, at, id] = cursorPattern.exec(value)!;
    return { at: at!, id: id! };
  });

export function encodeCursor(cursor: PageCursor): string {
  return `${cursor.at}_${cursor.id}`;
}

/** The time column as the cursor's text: UTC, microseconds, independent of the session time zone. */
export function cursorTime(column: AnyPgColumn): SQL<string> {
  return sql<string>`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
}

/**
 * One page of a newest-first list. `query(where, orderBy, limit)` runs the caller's select
 * with its own filters plus `where`; its rows carry `cursorAt` (select `cursorTime(time)`).
 */
export async function keysetPage<T extends { id: string; cursorAt: string }>(
  keys: { time: AnyPgColumn; id: AnyPgColumn },
  request: KeysetRequest,
  query: (where: SQL | undefined, orderBy: SQL[], limit: number) => Promise<T[]>,
): Promise<KeysetPage<T>> {
  const { time, id } = keys;
  const limit = request.limit;
  const toCursor = (row: T): PageCursor => ({ at: row.cursorAt, id: row.id });
  if (request.after && !request.before) {
    const c = request.after;
    const found = await query(sql`(${time}, ${id}) > (${c.at}::timestamptz, ${c.id}::uuid)`, [asc(time), asc(id)], limit + 1);
    // Fewer than a page of newer rows left: that is the first page, shown as such.
    if (found.length > limit) {
      const rows = found.slice(0, limit).reverse();
      return { rows, newer: toCursor(rows[0]!), older: toCursor(rows.at(-1)!) };
    }
    return keysetPage(keys, { limit }, query);
  }
  const c = request.before;
  const where = c ? sql`(${time}, ${id}) < (${c.at}::timestamptz, ${c.id}::uuid)` : undefined;
  const found = await query(where, [desc(time), desc(id)], limit + 1);
  const rows = found.slice(0, limit);
  return {
    rows,
    older: found.length > limit ? toCursor(rows.at(-1)!) : undefined,
    newer: c ? (rows.length ? toCursor(rows[0]!) : c) : undefined,
  };
}

/** `and` of the caller's conditions and the cursor's (either may be absent). */
export function withCursor(conditions: SQL[], cursor: SQL | undefined): SQL | undefined {
  return and(...conditions, ...(cursor ? [cursor] : []));
}
