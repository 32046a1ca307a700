import '../db/node-websocket';
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { encode } from 'next-auth/jwt';
import { encodeCursor, type PageCursor } from '../db/queries/keyset';
import { measurePage, type PageResult, type PageTarget } from './bench/measure-pages';
import { startNextServer, waitForServer } from './bench/next-server';
import { finishBench, log, startBench } from './bench/setup';
import { seedPages } from './bench/seed-pages';
import { rollupHealth } from '../lib/ops/health-rollup';

/**
 * `npm run bench:pages`: seeds one project (10 integrations, 100k log rows, 100k webhook
 * deliveries, 10k tasks) in a fresh test database (TEST_DATABASE_URL → PostgreSQL, else
 * PGlite), serves the production build with `next start`, and times sequential GETs of the
 * integration list, the logs page (unfiltered, filtered, first and a deep page), the task
 * list and a bare page (/signin, no database) in the same run, as a signed-in member (a
 * next-auth JWT session cookie minted with the server's NEXTAUTH_SECRET). The LAST line is
 * one JSON object: p95 per page and whether it is under 200 ms.
 */
const REQUESTS = Number(process.env.BENCH_PAGE_REQUESTS || 40);
const WARMUP = Number(process.env.BENCH_PAGE_WARMUP || 5);
const BUDGET_MS = 200;
/** A comma-separated subset of the page names below (default: all). */
const ONLY = process.env.BENCH_PAGES?.split(',').map((s) => s.trim()).filter(Boolean);
const counts = { integrations: 10, logs: 100_000, deliveries: 100_000, tasks: 10_000 };
const bench = await startBench('pages');
const { profileDir, encryptionKeys, database, db } = bench;
const seedStarted = Date.now();
const seeded = await seedPages(db, counts);
// The health dashboard reads closed hours from its hourly rollup, which the server's minute timer keeps; roll once now.
const rolledStarted = performance.now();
await rollupHealth(db);
console.log(`[bench] health rollup of ${counts.integrations} integrations in ${((performance.now() - rolledStarted) / 1000).toFixed(1)} s`);
log(`seeded ${JSON.stringify(counts)} in ${((Date.now() - seedStarted) / 1000).toFixed(1)} s`);

// The cursor of the row `fraction` of the way down a newest-first list (the deep page starts after it).
async function cursorAt(table: 'integration_logs' | 'integration_webhooks', where: string, fraction: number): Promise<PageCursor> {
  const time = table === 'integration_logs' ? 'timestamp' : 'received_at';
  const filter = sql.raw(`integration_id = '${seeded.busyIntegrationId}'${where ? ` and ${where}` : ''}`);
  const [{ n }] = (await db.execute(sql`select count(*)::int as n from ${sql.raw(table)} where ${filter}`)).rows as [{ n: number }];
  const { rows } = await db.execute(sql`
    select to_char(${sql.raw(time)} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as at, id
    from ${sql.raw(table)} where ${filter} order by ${sql.raw(time)} desc, id desc offset ${Math.floor(n * fraction)} limit 1`);
  return rows[0] as PageCursor;
}
const deep = {
  logs: encodeCursor(await cursorAt('integration_logs', '', 0.9)),
  deliveries: encodeCursor(await cursorAt('integration_webhooks', '', 0.9)),
  logsError: encodeCursor(await cursorAt('integration_logs', `status = 'error'`, 0.9)),
  deliveriesFailed: encodeCursor(await cursorAt('integration_webhooks', `status = 'failed'`, 0.9)),
};

const secret = randomBytes(32).toString('base64url');
const token = await encode({ token: { sub: seeded.userId, uid: seeded.userId, email: seeded.email, name: 'Bench User' }, secret });
const cookie = `next-auth.session-token=${token}`;
const server = await startNextServer({
  profileDir,
  env: { ...database.env, TASKBRIDGE_ENCRYPTION_KEYS: encryptionKeys, NEXTAUTH_SECRET: secret, INNGEST_DEV: '', INNGEST_EVENT_KEY: '' },
});

const logsPath = `/integrations/project/${seeded.projectId}/${seeded.busyIntegrationId}/logs/`;
const targets: PageTarget[] = [
  { name: 'integrations', path: `/integrations/project/${seeded.projectId}/`, expect: 'data-testid="integration-row"', cookie },
  { name: 'logs', path: logsPath, expect: 'data-testid="delivery-row"', cookie },
  { name: 'logs_by_status', path: `${logsPath}?logStatus=error&deliveryStatus=failed`, expect: 'data-status="failed"', cookie },
  { name: 'logs_by_kind', path: `${logsPath}?logAction=webhook&event=pull_request`, expect: 'data-event="pull_request"', cookie },
  { name: 'logs_deep', path: `${logsPath}?logsBefore=${deep.logs}&deliveriesBefore=${deep.deliveries}`, expect: 'data-testid="delivery-row"', cookie },
  {
    name: 'logs_deep_by_status',
    path: `${logsPath}?logStatus=error&deliveryStatus=failed&logsBefore=${deep.logsError}&deliveriesBefore=${deep.deliveriesFailed}`,
    expect: 'data-status="failed"',
    cookie,
  },
  // "health dashboard": every integration's figures and the charts over all of them, 30 days.
  { name: 'health', path: `/integrations/project/${seeded.projectId}/health/?range=30d`, expect: 'data-testid="chart-deliveries"', cookie },
  { name: 'health_integration', path: `/integrations/project/${seeded.projectId}/${seeded.busyIntegrationId}/health/?range=30d`, expect: 'data-testid="chart-deliveries"', cookie },
  { name: 'bare', path: '/signin', expect: 'Sign in to Taskbridge' },
  // Last: today it renders every task of the project (another change pages it).
  { name: 'tasks', path: `/projects/${seeded.projectId}`, expect: 'id="tasks-heading"', cookie },
];

let exitCode = 0;
let summaryLine = '';
try {
  await waitForServer(`${server.base}/signin`, server.process);
  log(`${REQUESTS} sequential requests per page after ${WARMUP} warm-up requests`);
  const results: PageResult[] = [];
  for (const target of targets.filter((t) => !ONLY || ONLY.includes(t.name) || t.name === 'bare')) {
    const r = await measurePage(server.base, target, REQUESTS, WARMUP);
    results.push(r);
    if (r.error !== undefined) log(`${r.name.padEnd(20)} FAILED: ${r.error}`);
    else log(`${r.name.padEnd(20)} p50 ${String(r.p50).padStart(7)} ms  p95 ${String(r.p95).padStart(7)} ms  max ${String(r.max).padStart(7)} ms  ${Math.round(r.bytes / 1024)} KB`);
  }
  const entry = (r: PageResult) => (r.error !== undefined ? { p95_ms: null, under_budget: false, error: r.error } : { p95_ms: r.p95, under_budget: r.p95 < BUDGET_MS });
  const bare = results.find((r) => r.name === 'bare')!;
  summaryLine = JSON.stringify({
    database: database.kind,
    requests: REQUESTS,
    budget_ms: BUDGET_MS,
    pages: Object.fromEntries(results.filter((r) => r !== bare).map((r) => [r.name, entry(r)])),
    bare_p95_ms: entry(bare).p95_ms,
    bare_under_budget: entry(bare).under_budget,
  });
  if (results.some((r) => r.error !== undefined)) exitCode = 1;
} catch (err) {
  console.error('[bench] failed:', err instanceof Error ? err.message : err);
  exitCode = 1;
}
await finishBench(bench, server, { summaryLine, exitCode });
