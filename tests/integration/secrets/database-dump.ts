import { execFileSync } from 'node:child_process';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client';

/** Every row of every user table (all schemas but the system ones), as Postgres' text form. */
export async function dumpTablesAsText(db: DbOrTx): Promise<Array<{ table: string; rows: string[] }>> {
  const tables = await db.execute<{ table_schema: string; table_name: string }>(sql`
    select table_schema, table_name from information_schema.tables
    where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')
    order by table_schema, table_name`);
  const out: Array<{ table: string; rows: string[] }> = [];
  for (const { table_schema, table_name } of tables.rows) {
    const name = `"${table_schema.replace(/"/g, '""')}"."${table_name.replace(/"/g, '""')}"`;
    const rows = await db.execute<{ row: string }>(sql.raw(`select t::text as row from ${name} t`));
    out.push({ table: `${table_schema}.${table_name}`, rows: rows.rows.map((r) => r.row) });
  }
  return out;
}

/** `pg_dump` of a real PostgreSQL database (schema and data), or null when pg_dump is not installed. */
export function pgDump(databaseUrl: string): string | null {
  try {
    execFileSync('pg_dump', ['--version'], { stdio: 'ignore' });
  } catch {
    return null;
  }
  return execFileSync('pg_dump', ['--no-owner', `--dbname=${databaseUrl}`], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
}

/** Where a plaintext shows up in a dump: table names (or "pg_dump") that contain it. */
export function tablesContaining(dump: Array<{ table: string; rows: string[] }>, needle: string): string[] {
  return dump.filter((t) => t.rows.some((row) => row.includes(needle))).map((t) => t.table);
}

/** The stored form of an encrypted value as written today: v2.<keyId>.<base64url iv>.<base64url ciphertext+tag>. */
export const ciphertextPattern = /^v2\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]{22,}$/;
