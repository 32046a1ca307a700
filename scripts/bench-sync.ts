import '../db/node-websocket';
import { spawn } from 'node:child_process';
import { count, eq } from 'drizzle-orm';
import { createDb } from '../db/client';
import { getProviderRow } from '../db/queries/providers';
import { externalTaskMappings, projectIntegrations, projectMembers, projects, syncRuns, users } from '../db/schema';
import { startTestDatabase } from '../tests/setup/test-database';

// npm run bench:sync — imports 10,000 issues from the fake GitHub (its own process, so RSS
// here is the sync's) into a fresh database, then resyncs with nothing changed.
// Database: TEST_DATABASE_URL's server when set, else in-process PGlite (whose memory counts here).
const ISSUES = Number(process.env.BENCH_ISSUES ?? 10_000);
process.env.TASKBRIDGE_ENCRYPTION_KEYS ??= `bench:${Buffer.alloc(32, 9).toString('base64url')}`;
process.env.GITHUB_WRITE_INTERVAL_MS = '0';

async function startFake(): Promise<{ url: string; stop: () => void }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'tests/fakes/github/serve.ts', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (b: Buffer) => {
      const m = /FAKE_GITHUB_URL=(\S+)/.exec(b.toString());
      if (m) resolve(m[1]!);
    });
    child.on('exit', (code) => reject(new Error(`fake exited ${code}`)));
  });
  return { url, stop: () => child.kill('SIGTERM') };
}

const fake = await startFake();
process.env.GITHUB_API_URL = fake.url;
const database = await startTestDatabase('bench');
Object.assign(process.env, database.env);
const { encryptSecret } = await import('../lib/crypto/secrets');
const { integrationSecret } = await import('../db/queries/integrations');
const { runSync } = await import('../lib/sync/run-sync');
const { db, pool } = createDb(database.env.DATABASE_URL, 4);

// Count every statement the sync sends, and which of them write synced data.
let statements = 0;
let dataWrites = 0;
const query = pool.query.bind(pool) as (...args: unknown[]) => Promise<unknown>;
(pool as unknown as { query: typeof query }).query = (...args: unknown[]) => {
  statements++;
  const text = typeof args[0] === 'string' ? args[0] : String((args[0] as { text?: string })?.text ?? '');
  if (/\b(insert into|update)\s+"?(tasks|external_task_mappings|milestones)"?/i.test(text)) dataWrites++;
  return query(...args);
};
let peakRss = process.memoryUsage().rss;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 25);

const token = 'ghp_bench_token';
await fetch(`${fake.url}/_fake/seed`, { method: 'POST', body: JSON.stringify({ repo: 'bench/big', token, issues: ISSUES }) });
const stats = async () => (await (await fetch(`${fake.url}/_fake/stats`)).json()) as { requests: number; statuses: number[] };

const [user] = await db.insert(users).values({ email: `bench-${Date.now()}@example.test`, name: 'bench' }).returning();
const [project] = await db.insert(projects).values({ name: 'Bench', createdBy: user!.id }).returning();
await db.insert(projectMembers).values({ projectId: project!.id, userId: user!.id, role: 'owner' });
const provider = await getProviderRow(db, 'github');
const integrationId = crypto.randomUUID();
const [integration] = await db
  .insert(projectIntegrations)
  .values({
    id: integrationId, projectId: project!.id, providerId: provider!.id, externalId: 'bench/big',
    accessToken: await encryptSecret(token, integrationSecret(integrationId, 'access_token')),
    webhookSecret: await encryptSecret('bench-secret', integrationSecret(integrationId, 'webhook_secret')), syncEnabled: true, connectionStatus: 'connected',
  })
  .returning();

statements = 0;
const t0 = performance.now();
await runSync(db, integration!.id);
const importS = (performance.now() - t0) / 1000;
const importStatements = statements;
const afterImport = await stats();
const [run] = await db.select().from(syncRuns).where(eq(syncRuns.integrationId, integration!.id));
const [linked] = await db.select({ n: count() }).from(externalTaskMappings).where(eq(externalTaskMappings.integrationId, integration!.id));

statements = 0;
dataWrites = 0;
await runSync(db, integration!.id);
const afterResync = await stats();
clearInterval(sampler);

console.log(`[bench] ${linked!.n} tasks linked; run: ${run!.status}, ${run!.pages} pages, ${run!.created} created; import statements ${importStatements} (incl. run bookkeeping); resync statements ${statements} (run bookkeeping), fake statuses on resync: ${afterResync.statuses.slice(afterImport.requests).join(',')}`);
console.log(JSON.stringify({
  issues: Number(linked!.n),
  api_requests: afterImport.requests,
  // the resync is one 304 page with no page statements: its count is the run's fixed bookkeeping
  db_statements_per_page: Number(((importStatements - statements) / run!.pages).toFixed(2)),
  import_s: Number(importS.toFixed(2)),
  issues_per_s: Math.round(Number(linked!.n) / importS),
  peak_rss_mb: Math.round(peakRss / 1024 / 1024),
  resync_requests: afterResync.requests - afterImport.requests,
  resync_writes: dataWrites,
  database: database.kind,
}));
await pool.end();
await database.stop();
fake.stop();
process.exit(0);
