import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { listIntegrationLogsPage } from '@/db/queries/integration-logs';
import { encodeCursor, type KeysetPage, type PageCursor, pageCursorSchema } from '@/db/queries/keyset';
import { listWebhookDeliveries } from '@/db/queries/webhook-deliveries';
import { integrationLogs, integrationProviders, integrationWebhooks, projectIntegrations } from '@/db/schema';
import { integrationSecret } from '@/db/queries/integrations';
import { encryptSecret } from '@/lib/crypto/secrets';
import { parseLogFilters } from '@/app/integrations/project/[projectId]/[integrationId]/logs/log-filters';
import { createProject, createUser } from '../../helpers/factories';

// 23 rows on 6 instants; several rows share one instant to the microsecond, and two instants
// differ by 1 µs only (a cursor rounded to milliseconds would skip or repeat rows there).
const instants = ['2026-11-01T10:00:00.000001Z', '2026-11-01T10:00:00.000002Z', '2026-11-01T10:00:05.5Z', '2026-11-02T08:00:00Z', '2026-11-03T00:00:00.999999Z', '2026-11-03T00:00:01Z'];
const rowAt = (i: number) => ({ at: instants[i % instants.length]!, status: i % 3 === 0 ? 'error' : 'success', kind: i % 2 === 0 ? 'sync' : 'webhook' } as const);
const N = 23;

let integrationId = '';
let otherId = '';

async function createIntegration(projectId: string, providerId: string, userId: string, externalId: string) {
  const id = crypto.randomUUID();
  const webhookSecret = await encryptSecret('s', integrationSecret(id, 'webhook_secret'));
  const [row] = await getDb().insert(projectIntegrations).values({ id, projectId, providerId, externalId, createdBy: userId, webhookSecret }).returning();
  return row!.id;
}

beforeAll(async () => {
  const db = getDb();
  const user = await createUser('pager');
  const project = await createProject(user.id);
  const [github] = await db.select().from(integrationProviders).where(eq(integrationProviders.providerType, 'github'));
  integrationId = await createIntegration(project.id, github!.id, user.id, 'acme/paged');
  otherId = await createIntegration(project.id, github!.id, user.id, 'acme/other');
  for (const target of [integrationId, otherId]) {
    await db.insert(integrationLogs).values(
      Array.from({ length: N }, (_, i) => ({ integrationId: target, providerId: github!.id, actionType: rowAt(i).kind, status: rowAt(i).status, description: `log ${i}`, timestamp: sql`${rowAt(i).at}::timestamptz` as unknown as Date })),
    );
    await db.insert(integrationWebhooks).values(
      Array.from({ length: N }, (_, i) => ({
        integrationId: target, providerId: github!.id, deliveryId: `d-${i}`, eventType: rowAt(i).kind === 'sync' ? 'issues' : 'push', payload: {},
        status: rowAt(i).status === 'error' ? ('failed' as const) : ('processed' as const), receivedAt: sql`${rowAt(i).at}::timestamptz` as unknown as Date,
      })),
    );
  }
});

/** Every id in the expected order (newest first, id descending within one instant), straight from SQL. */
async function expectedIds(table: 'integration_logs' | 'integration_webhooks', where = '') {
  const time = table === 'integration_logs' ? 'timestamp' : 'received_at';
  const { rows } = await getDb().execute(sql.raw(`select id from ${table} where integration_id = '${integrationId}' ${where} order by ${time} desc, id desc`));
  return rows.map((r) => (r as { id: string }).id);
}

type Fetch = (c: { before?: PageCursor; after?: PageCursor }) => Promise<KeysetPage<{ id: string }>>;

/** Walks to the end with `older`, then back with `newer`; returns the pages seen each way. */
async function walk(fetch: Fetch) {
  const forward: string[][] = [];
  let page = await fetch({});
  expect(page.newer).toBeUndefined();
  forward.push(page.rows.map((r) => r.id));
  while (page.older) {
    page = await fetch({ before: page.older });
    forward.push(page.rows.map((r) => r.id));
  }
  const backward: string[][] = [];
  while (page.newer) {
    page = await fetch({ after: page.newer });
    backward.push(page.rows.map((r) => r.id));
  }
  return { forward, backward };
}

describe('keyset pagination of the logs page', () => {
  it.each([
    ['unfiltered', {}, ''],
    ['by status', { status: 'error' as const }, `and status = 'error'`],
    ['by action', { actionType: 'webhook' as const }, `and action_type = 'webhook'`],
    ['by status and action', { status: 'success' as const, actionType: 'sync' as const }, `and status = 'success' and action_type = 'sync'`],
  ])('log pages %s: every row once, in order, across equal timestamps, and back', async (_name, filter, where) => {
    const { forward, backward } = await walk((c) => listIntegrationLogsPage(getDb(), integrationId, { ...filter, limit: 4, ...c }));
    const expected = await expectedIds('integration_logs', where);
    expect(expected.length).toBeGreaterThan(4);
    expect(forward.flat()).toEqual(expected);
    expect(forward.slice(0, -1).every((p) => p.length === 4)).toBe(true);
    // Back from the last page through "newer": the same full pages, newest last.
    expect(backward).toEqual(forward.slice(0, -1).reverse());
  });

  it.each([
    ['unfiltered', {}, ''],
    ['by status', { status: 'failed' as const }, `and status = 'failed'`],
    ['by event', { eventType: 'push' }, `and event_type = 'push'`],
  ])('delivery pages %s: every row once, in order, and back', async (_name, filter, where) => {
    const { forward, backward } = await walk((c) => listWebhookDeliveries(getDb(), integrationId, { ...filter, limit: 5, ...c }));
    const expected = await expectedIds('integration_webhooks', where);
    expect(forward.flat()).toEqual(expected);
    expect(backward).toEqual(forward.slice(0, -1).reverse());
  });

  it('keeps cursors to the microsecond', async () => {
    const first = await listIntegrationLogsPage(getDb(), integrationId, { limit: N });
    const times = new Set(first.rows.map((r) => r.cursorAt));
    expect(times).toContain('2026-11-01T10:00:00.000001Z');
    expect(times).toContain('2026-11-01T10:00:00.000002Z');
    expect(pageCursorSchema.parse(encodeCursor({ at: first.rows[0]!.cursorAt, id: first.rows[0]!.id }))).toEqual({ at: first.rows[0]!.cursorAt, id: first.rows[0]!.id });
  });

  it('a "newer" page with fewer rows than a page left is the first page', async () => {
    const first = await listIntegrationLogsPage(getDb(), integrationId, { limit: 4 });
    // Two rows are newer than first.rows[2]: the answer is the whole first page, with no "newer".
    const nearTop = await listIntegrationLogsPage(getDb(), integrationId, { limit: 4, after: { at: first.rows[2]!.cursorAt, id: first.rows[2]!.id } });
    expect(nearTop.rows.map((r) => r.id)).toEqual(first.rows.map((r) => r.id));
    expect(nearTop.newer).toBeUndefined();
    expect(nearTop.older).toEqual(first.older);
  });

  it('a malformed cursor in the URL is ignored and named, the others still apply', () => {
    const cursor = encodeCursor({ at: '2026-11-01T10:00:00.000001Z', id: '00000000-0000-4000-8000-000000000000' });
    const { cursors, ignored } = parseLogFilters({ logsBefore: 'x_1', deliveriesAfter: cursor, logStatus: 'error' });
    expect(ignored).toEqual(['logsBefore']);
    expect(cursors).toEqual({ deliveriesAfter: { at: '2026-11-01T10:00:00.000001Z', id: '00000000-0000-4000-8000-000000000000' } });
  });
});

describe('indexes for every filter of the logs page', () => {
  // With sequential scans priced out, a filter without a matching (integration, filter, time, id)
  // index would need a Sort node; with one, the plan reads the index in order.
  it.each([
    `select id from integration_logs where integration_id = $1 order by timestamp desc, id desc limit 101`,
    `select id from integration_logs where integration_id = $1 and status = 'error' and (timestamp, id) < (now(), $1) order by timestamp desc, id desc limit 101`,
    `select id from integration_logs where integration_id = $1 and action_type = 'sync' order by timestamp desc, id desc limit 101`,
    `select id from integration_webhooks where integration_id = $1 and (received_at, id) < (now(), $1) order by received_at desc, id desc limit 51`,
    `select id from integration_webhooks where integration_id = $1 and status = 'failed' order by received_at desc, id desc limit 51`,
    `select id from integration_webhooks where integration_id = $1 and event_type = 'push' order by received_at asc, id asc limit 51`,
  ])('%s', async (query) => {
    const plan = await getDb().transaction(async (tx) => {
      await tx.execute(sql`set local enable_seqscan = off`);
      await tx.execute(sql`set local enable_bitmapscan = off`);
      const { rows } = await tx.execute(sql.raw(`explain ${query.replaceAll('$1', `'${integrationId}'::uuid`)}`));
      return rows.map((r) => Object.values(r as Record<string, string>)[0]).join('\n');
    });
    expect(plan).toMatch(/Index (Only )?Scan/);
    expect(plan).not.toMatch(/Sort/);
  });
});
