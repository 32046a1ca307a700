import '../db/node-websocket';
import { spawn } from 'node:child_process';
import { count, eq } from 'drizzle-orm';
import { createDb } from '../db/client';
import { getProviderRow } from '../db/queries/providers';
import { externalTaskMappings, projectIntegrations, projectMembers, projects, syncRuns, users } from '../db/schema';
import { startTestDatabase } from '../tests/setup/test-database';

// npm run bench:sync (second half) — imports 10,000 issues from the fake Jira (its own process,
// so RSS here is the sync's) into a fresh database, then resyncs with nothing changed. Prints
// one JSON line with "provider":"jira". Goals: ≤ 101 search requests, one upsert per page,
// a resync of ≤ 1 request and 0 writes, < 300 MB RSS.
const ISSUES = Number(process.env.BENCH_ISSUES ?? 10_000);
process.env.TASKBRIDGE_ENCRYPTION_KEYS ??= `bench:${Buffer.alloc(32, 9).toString('base64url')}`;

async function startFake(): Promise<{ url: string; stop: () => void }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'tests/fakes/jira/serve.ts', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (b: Buffer) => {
      const m = /FAKE_JIRA_URL=(\S+)/.exec(b.toString());
      if (m) resolve(m[1]!);
    });
    child.on('exit', (code) => reject(new Error(`fake exited ${code}`)));
  });
  return { url, stop: () => child.kill('SIGTERM') };
}

const fake = await startFake();
// The fake's loopback site, allowed for this process only.
process.env.JIRA_API_URL = fake.url;
process.env.JIRA_ALLOWED_BASE_URLS = fake.url;
process.env.JIRA_ALLOW_PRIVATE_ADDRESSES = '1';
const database = await startTestDatabase('bench');
Object.assign(process.env, database.env);
const { encryptSecret } = await import('../lib/crypto/secrets');
const { integrationSecret } = await import('../db/queries/integrations');
const { runSync } = await import('../lib/sync/run-sync');
const { db, pool } = createDb(database.env.DATABASE_URL, 4);

let statements = 0;
let dataWrites = 0;
let pageWrites = 0;
const query = pool.query.bind(pool) as (...args: unknown[]) => Promise<unknown>;
(pool as unknown as { query: typeof query }).query = (...args: unknown[]) => {
  statements++;
  const text = typeof args[0] === 'string' ? args[0] : String((args[0] as { text?: string })?.text ?? '');
  if (/\b(insert into|update)\s+"?(tasks|external_task_mappings|milestones)"?/i.test(text)) dataWrites++;
  if (/insert into external_task_mappings/i.test(text)) pageWrites++;
  return query(...args);
};
let peakRss = process.memoryUsage().rss;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 25);

const email = 'bench@example.test';
const token = 'jira_bench_token';
await fetch(`${fake.url}/_fake/seed`, { method: 'POST', body: JSON.stringify({ project: 'BENCH', email, token, issues: ISSUES }) });
const stats = async () => (await (await fetch(`${fake.url}/_fake/stats`)).json()) as { requests: number; searches: number; paths: string[] };

const [user] = await db.insert(users).values({ email: `bench-${Date.now()}@example.test`, name: 'bench' }).returning();
const [project] = await db.insert(projects).values({ name: 'Bench', createdBy: user!.id }).returning();
await db.insert(projectMembers).values({ projectId: project!.id, userId: user!.id, role: 'owner' });
const provider = await getProviderRow(db, 'jira');
const integrationId = crypto.randomUUID();
await db.insert(projectIntegrations).values({
  id: integrationId, projectId: project!.id, providerId: provider!.id, externalId: 'BENCH',
  accessToken: await encryptSecret(token, integrationSecret(integrationId, 'access_token')),
  webhookSecret: await encryptSecret('bench-secret', integrationSecret(integrationId, 'webhook_secret')),
  settings: { siteUrl: fake.url, email }, syncEnabled: true, connectionStatus: 'connected',
});

statements = 0;
pageWrites = 0;
const t0 = performance.now();
await runSync(db, integrationId);
const importS = (performance.now() - t0) / 1000;
const importStatements = statements;
const importPageWrites = pageWrites;
const afterImport = await stats();
const [run] = await db.select().from(syncRuns).where(eq(syncRuns.integrationId, integrationId));
const [linked] = await db.select({ n: count() }).from(externalTaskMappings).where(eq(externalTaskMappings.integrationId, integrationId));

statements = 0;
dataWrites = 0;
await runSync(db, integrationId);
const afterResync = await stats();
clearInterval(sampler);

console.log(`[bench] jira: ${linked!.n} tasks linked; run: ${run!.status}, ${run!.pages} pages, ${run!.created} created; ${importPageWrites} page upserts; resync: ${afterResync.paths.slice(afterImport.requests).join(', ')}`);
console.log(JSON.stringify({
  provider: 'jira',
  issues: Number(linked!.n),
  api_requests: afterImport.requests,
  search_requests: afterImport.searches,
  pages: run!.pages,
  upserts_per_page: Number((importPageWrites / Math.max(run!.pages, 1)).toFixed(2)),
  db_statements_per_page: Number(((importStatements - statements) / Math.max(run!.pages, 1)).toFixed(2)),
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
