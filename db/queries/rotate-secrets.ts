import { sql } from 'drizzle-orm';
import { keyring } from '@/lib/crypto/keyring';
import {
  decryptSecret, encryptSecret, encryptedColumns, needsReencryption, type SecretContext, SecretUnreadableError,
} from '@/lib/crypto/secrets';
import type { Db } from '../client';

export type RotationReport = {
  /** Values rewritten as v2 under the active key, per "table.column". */
  rewritten: Record<string, number>;
  /** Values that could not be decrypted (left as they are): their owners must re-enter them. */
  unreadable: SecretContext[];
};

type Row = Record<string, string | null> & { id: string };

/**
 * Re-encrypts every stored secret that is v1 or under a key other than the active one into
 * v2 with the active key (`npm run secrets:rotate`, after putting a new key first in
 * TASKBRIDGE_ENCRYPTION_KEYS). Rows go in batches, one transaction each, locked (FOR UPDATE)
 * so a secret written meanwhile is not overwritten by the old value; ciphertexts already
 * current are not selected, so running it again does nothing. Unreadable values are reported,
 * never dropped.
 */
export async function rotateSecrets(db: Db, batchSize = 200): Promise<RotationReport> {
  const { activeId } = await keyring();
  const current = `v2.${activeId}.`;
  const report: RotationReport = { rewritten: {}, unreadable: [] };
  for (const [table, labels] of Object.entries(encryptedColumns) as Array<[SecretContext['table'], Record<string, string>]>) {
    const columns = Object.keys(labels) as Array<SecretContext['column']>;
    for (const column of columns) report.rewritten[`${table}.${column}`] = 0;
    const stale = sql.join(
      columns.map((c) => sql`(${sql.identifier(c)} is not null and not starts_with(${sql.identifier(c)}, ${current}))`),
      sql` or `,
    );
    const selected = sql.join([sql`id`, ...columns.map((c) => sql.identifier(c))], sql`, `);
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const rows = await db.transaction(async (tx) => {
        const batch = await tx.execute<Row>(sql`
          select ${selected} from ${sql.identifier(table)}
          where id > ${after} and (${stale}) order by id limit ${batchSize} for update`);
        for (const row of batch.rows) {
          const values: Record<string, string> = {};
          for (const column of columns) {
            const stored = row[column];
            if (!stored || !(await needsReencryption(stored))) continue;
            const context = { table, column, rowId: row.id } as SecretContext;
            try {
              values[column] = await encryptSecret(await decryptSecret(stored, context), context);
            } catch (err) {
              if (!(err instanceof SecretUnreadableError)) throw err;
              report.unreadable.push(context);
            }
          }
          const sets = Object.entries(values).map(([c, v]) => sql`${sql.identifier(c)} = ${v}`);
          if (sets.length === 0) continue;
          await tx.execute(sql`update ${sql.identifier(table)} set ${sql.join(sets, sql`, `)} where id = ${row.id}`);
          for (const c of Object.keys(values)) report.rewritten[`${table}.${c}`]! += 1;
        }
        return batch.rows;
      });
      if (rows.length < batchSize) break;
      after = rows[rows.length - 1]!.id;
    }
  }
  return report;
}
