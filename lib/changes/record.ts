import type { DbOrTx, Tx } from '@/db/client';
import { insertLocalChange, type NewLocalChange } from '@/db/queries/local-changes';
import type { LocalChange } from '@/lib/integrations/contract/changes';
import { dispatchLocalChange } from './dispatch-change';

/** Who made a change: a member (UI), or an integration it came in from (never pushed back there). */
export type ChangeActor = { actorUserId: string | null; originIntegrationId?: string | null };

export type RecordChange = (change: Omit<NewLocalChange, 'originIntegrationId' | 'actorUserId'> & Partial<ChangeActor>) => Promise<LocalChange>;

/**
 * Runs `work` in one transaction with a `record` function that writes outbox rows in that
 * same transaction (a rolled-back change records nothing), then dispatches what it recorded
 * once the transaction has committed. `actor` is the default author of every record.
 */
export async function withLocalChanges<T>(
  db: DbOrTx,
  actor: ChangeActor,
  work: (tx: Tx, record: RecordChange) => Promise<T>,
): Promise<T> {
  const recorded: LocalChange[] = [];
  const result = await db.transaction(async (tx) =>
    work(tx, async (change) => {
      const row = await insertLocalChange(tx, { originIntegrationId: null, ...actor, ...change } as NewLocalChange);
      recorded.push(row);
      return row;
    }),
  );
  for (const change of recorded) await dispatchLocalChange(change);
  return result;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** The fields of `keys` whose value differs between two versions of a row, with both values. */
export function diffFields(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  keys: readonly string[],
): { fields: string[]; before: Record<string, unknown>; after: Record<string, unknown> } {
  const fields = keys.filter((k) => !same(before[k], after[k]));
  return {
    fields,
    before: Object.fromEntries(fields.map((k) => [k, before[k] ?? null])),
    after: Object.fromEntries(fields.map((k) => [k, after[k] ?? null])),
  };
}

/** The named fields of a row (a created task's `after`, a deleted one's `before`). */
export function pick(row: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(keys.map((k) => [k, row[k] ?? null]));
}
