import type { ConflictPolicy } from '@/lib/integrations/contract/task-sync';

export type { ConflictPolicy };

export type FieldConflict = {
  field: string;
  base: unknown;
  local: unknown;
  remote: unknown;
  /** 'held': the 'ask' policy — neither side is written; the owner settles it in the conflict inbox. */
  winner: 'local' | 'remote' | 'held';
  policy: ConflictPolicy;
};

export type MergeResult<T> = {
  /** The agreed values (the next snapshot). */
  merged: T;
  /** Fields to write to the task. */
  toLocal: Partial<T>;
  /** Fields to write to the external side. */
  toRemote: Partial<T>;
  conflicts: FieldConflict[];
};

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Per-field three-way merge against the last-synced snapshot: a field changed on one side
 * takes that side; changed on both to different values → the policy decides ('newest'
 * compares the sides' last-change times). Without a base, the remote side is the truth.
 */
export function threeWayMerge<T extends Record<string, unknown>>(input: {
  fields: readonly (keyof T & string)[];
  base: T | null;
  local: T;
  remote: T;
  policy: ConflictPolicy;
  localChangedAt: Date;
  remoteChangedAt: Date;
}): MergeResult<T> {
  const { fields, base, local, remote, policy } = input;
  const merged = { ...remote };
  const toLocal: Partial<T> = {};
  const toRemote: Partial<T> = {};
  const conflicts: FieldConflict[] = [];
  for (const f of fields) {
    const l = local[f];
    const r = remote[f];
    if (same(l, r)) continue;
    const localChanged = base ? !same(base[f], l) : false;
    const remoteChanged = base ? !same(base[f], r) : true;
    let winner: 'local' | 'remote' | 'held';
    if (localChanged && !remoteChanged) winner = 'local';
    else if (remoteChanged && !localChanged) winner = 'remote';
    else {
      winner =
        policy === 'ask' ? 'held'
        : policy === 'taskbridge' ? 'local'
        : policy === 'external' ? 'remote'
        : input.localChangedAt.getTime() > input.remoteChangedAt.getTime() ? 'local' : 'remote';
      conflicts.push({ field: f, base: base?.[f], local: l, remote: r, winner, policy });
    }
    if (winner === 'held') {
      // the agreed value stays the base: the next merge still sees both sides changed
      merged[f] = base?.[f] as T[typeof f];
    } else if (winner === 'local') {
      merged[f] = l;
      toRemote[f] = l;
    } else {
      toLocal[f] = r;
    }
  }
  return { merged, toLocal, toRemote, conflicts };
}
