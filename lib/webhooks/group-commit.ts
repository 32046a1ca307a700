import type { DbOrTx } from '@/db/client';
import { type NewDelivery, recordDeliveries } from '@/db/queries/webhook-ingest';

type Waiter = { row: NewDelivery; resolve: (id: string | null) => void; reject: (err: unknown) => void };

const MAX_BATCH = 100;
const queues = new Map<DbOrTx, Waiter[]>();

/**
 * Group commit: inserts requested in the same tick go to Postgres as ONE multi-row
 * INSERT … ON CONFLICT DO NOTHING, so concurrent deliveries share a round trip and a commit.
 * Each caller still hears back only after that statement committed: the row id when its
 * row was inserted, null when it was already stored (a redelivery). If the statement fails,
 * every caller in the batch gets the error (nothing of the batch was stored: one statement).
 * The same (integration, delivery id) twice in one batch: the first inserts, the rest are duplicates.
 */
export function recordDelivery(db: DbOrTx, row: NewDelivery): Promise<string | null> {
  return new Promise((resolve, reject) => {
    let queue = queues.get(db);
    if (!queue) {
      queue = [];
      queues.set(db, queue);
      setTimeout(() => void flush(db), 0);
    }
    queue.push({ row, resolve, reject });
    if (queue.length >= MAX_BATCH) void flush(db);
  });
}

async function flush(db: DbOrTx): Promise<void> {
  const batch = queues.get(db);
  if (!batch || batch.length === 0) return;
  queues.delete(db);
  const key = (r: NewDelivery) => `${r.integrationId}\u0000${r.deliveryId}`;
  const first = new Map<string, Waiter>();
  const repeats: Waiter[] = [];
  for (const w of batch) {
    if (first.has(key(w.row))) repeats.push(w);
    else first.set(key(w.row), w);
  }
  try {
    const inserted = await recordDeliveries(db, [...first.values()].map((w) => w.row));
    const ids = new Map(inserted.map((r) => [`${r.integrationId}\u0000${r.deliveryId}`, r.id]));
    for (const [k, w] of first) w.resolve(ids.get(k) ?? null);
    for (const w of repeats) w.resolve(null);
  } catch (err) {
    for (const w of batch) w.reject(err);
  }
}
