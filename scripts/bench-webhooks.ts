import '../db/node-websocket';
import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import webhookDefinitions from '@octokit/webhooks-examples';
import { eq, inArray } from 'drizzle-orm';
import { integrationProviders, integrationWebhooks, projectIntegrations, projectMembers, projects, users } from '../db/schema';
import { integrationSecret } from '../db/queries/integrations';
import { encryptSecret } from '../lib/crypto/secrets';
import { startEventSink } from './bench/event-sink';
import { closedLoop, median, openLoop, type Target } from './bench/load';
import { startNextServer, waitForServer } from './bench/next-server';
import { startJobWorker } from './job-worker';
import { finishBench, log, startBench } from './bench/setup';

/**
 * `npm run bench:webhooks`: production build (if stale) served by `next start` on loopback
 * against a fresh test database (TEST_DATABASE_URL → real PostgreSQL, else PGlite). Drives the
 * GitHub webhook route with signed `issues` deliveries (unique ids) and, in the same rounds, a
 * bare edge route; then an evenly paced 100 req/s sender. Lost/duplicates compare the ids that
 * got a 2xx with the rows in the database. The LAST line is one JSON object.
 */
const ROUNDS = Number(process.env.BENCH_ROUNDS || 3);
const SECONDS = Number(process.env.BENCH_SECONDS || 10);
const PACED_COUNT = Number(process.env.BENCH_PACED_COUNT || 1000);
/**
 * `in-process` (default, as `npm start` without Inngest): processing runs in the job worker
 * process beside the server. `in-server`: processing runs inside the web server itself (its
 * drain route; `npm run dev`, or TASKBRIDGE_WORKER=0). `sink`: events go to a local sink
 * (ingest path only).
 */
const JOBS = (['sink', 'in-server'] as const).find((m) => m === process.env.BENCH_JOBS) ?? 'in-process';
const bench = await startBench('bench');
const { profileDir, encryptionKeys, database, db } = bench;

// One GitHub integration with a known webhook secret.
const secret = randomBytes(24).toString('base64url');
const [user] = await db.insert(users).values({ email: `bench-${randomUUID()}@example.test`, name: 'bench' }).returning();
const [project] = await db.insert(projects).values({ name: 'Bench', createdBy: user!.id }).returning();
await db.insert(projectMembers).values({ projectId: project!.id, userId: user!.id, role: 'owner' });
const [github] = await db.select().from(integrationProviders).where(eq(integrationProviders.providerType, 'github'));
const integrationId = randomUUID();
const [integration] = await db
  .insert(projectIntegrations)
  .values({
    id: integrationId, projectId: project!.id, providerId: github!.id, createdBy: user!.id, externalId: 'bench/bench',
    webhookSecret: await encryptSecret(secret, integrationSecret(integrationId, 'webhook_secret')),
  })
  .returning();

const sink = JOBS === 'sink' ? await startEventSink() : undefined;
const jobsEnv = sink ? { INNGEST_DEV: '0', INNGEST_EVENT_KEY: 'bench', INNGEST_BASE_URL: sink.url } : { INNGEST_DEV: '', INNGEST_EVENT_KEY: '' };
const serverEnv = {
  ...database.env,
  TASKBRIDGE_ENCRYPTION_KEYS: encryptionKeys,
  TASKBRIDGE_BENCH: '1',
  NEXTAUTH_SECRET: randomBytes(32).toString('base64url'),
  WEBHOOK_RATE_LIMIT_PER_MINUTE: '100000000',
  ...jobsEnv,
};
const worker = JOBS === 'in-process' ? await startJobWorker({ ...process.env, ...serverEnv }) : undefined;
const server = await startNextServer({ profileDir, env: { ...serverEnv, TASKBRIDGE_DRAIN_URL: worker?.drainUrl ?? '' } });
const { base } = server;

let exitCode = 0;
let summaryLine = '';
try {
  await waitForServer(`${base}/bench/bare`, server.process, 'POST');
  const example = webhookDefinitions.find((d) => d.name === 'issues')!.examples.find((e) => (e as { action?: string }).action === 'opened')!;
  const body = JSON.stringify(example);
  const signature = `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
  let n = 0;
  const runTag = randomBytes(4).toString('hex');
  const ingest: Target = {
    url: `${base}/integrations/webhooks/github/${integration!.id}`,
    body,
    headers: { 'content-type': 'application/json', 'x-github-event': 'issues', 'x-hub-signature-256': signature, 'user-agent': 'GitHub-Hookshot/bench' },
    idHeader: 'x-github-delivery',
    nextId: () => `bench-${runTag}-${n++}`,
  };
  const bare: Target = { url: `${base}/bench/bare`, body, headers: ingest.headers };
  // The floor of any route that stores the body: one round trip of it through the same driver.
  const store: Target = { url: `${base}/bench/store`, body, headers: ingest.headers };
  log(`jobs: ${JOBS}; body ${body.length} bytes; ${ROUNDS} round(s) of ${SECONDS} s at 10 connections, then ${PACED_COUNT} requests paced every 10 ms`);

  // In-process mode processes deliveries in this same server: measure each phase only after
  // the previous phase's backlog is processed, so no phase pays for (or hides) another's work.
  const settle = async () => {
    const started = Date.now();
    for (;;) {
      const left = await db
        .select({ id: integrationWebhooks.id })
        .from(integrationWebhooks)
        .where(inArray(integrationWebhooks.status, ['pending', 'processing']))
        .limit(1);
      if (sink || left.length === 0 || Date.now() - started > 120_000) return; // sink: processed elsewhere
      await new Promise((r) => setTimeout(r, 500));
    }
  };
  await closedLoop(bare, 2);
  await closedLoop(store, 2);
  await closedLoop(ingest, 2); // warm-up: pool connections, JIT, the secret cache
  const accepted: string[] = [];
  type Loop = Awaited<ReturnType<typeof closedLoop>>;
  const rounds: Array<{ ingest: Loop; bare: Loop; store: Loop }> = [];
  for (let r = 0; r < ROUNDS; r++) {
    await settle();
    const b = await closedLoop(bare, SECONDS);
    const st = await closedLoop(store, SECONDS);
    await settle();
    const i = await closedLoop(ingest, SECONDS);
    accepted.push(...i.accepted);
    rounds.push({ ingest: i, bare: b, store: st });
    log(`round ${r + 1}: bare ${b.rps.toFixed(0)} req/s p50 ${b.p50} ms p99 ${b.p99} ms | store ${st.rps.toFixed(0)} req/s p99 ${st.p99} ms | ingest ${i.rps.toFixed(0)} req/s p50 ${i.p50} ms p99 ${i.p99} ms non2xx ${i.non2xx} errors ${i.errors} | ratio ${(i.rps / b.rps).toFixed(2)}`);
  }
  const paced: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    await settle();
    const p = await openLoop(ingest, PACED_COUNT, 10);
    accepted.push(...p.accepted);
    paced.push(p.p99);
    log(`paced 100 req/s round ${r + 1}: p50 ${p.p50.toFixed(1)} ms p99 ${p.p99.toFixed(1)} ms max ${p.max.toFixed(1)} ms non2xx ${p.non2xx}`);
  }
  // The store floor paced the same way, after the last ingest round (its backlog settled first).
  await settle();
  const storePaced = await openLoop(store, PACED_COUNT, 10);
  log(`store floor paced 100 req/s: p50 ${storePaced.p50.toFixed(1)} ms p99 ${storePaced.p99.toFixed(1)} ms non2xx ${storePaced.non2xx}`);

  // In-process: the drain started by the last paced round is still running inside the server,
  // and `next start` exits on SIGTERM only when its in-flight requests (that drain call) end.
  // Settle first, so the server stops cleanly and writes its --cpu-prof file.
  await settle();

  // Lost: a 2xx without a row. Duplicates: more rows than distinct accepted ids.
  const rows = await db
    .select({ deliveryId: integrationWebhooks.deliveryId })
    .from(integrationWebhooks)
    .where(eq(integrationWebhooks.integrationId, integration!.id));
  const stored = new Map<string, number>();
  for (const row of rows) stored.set(row.deliveryId, (stored.get(row.deliveryId) ?? 0) + 1);
  const lost = accepted.filter((id) => !stored.has(id)).length;
  const duplicates = [...stored.values()].reduce((sum, c) => sum + (c - 1), 0) + (rows.length - stored.size);
  const pending = await db
    .select({ status: integrationWebhooks.status })
    .from(integrationWebhooks)
    .where(inArray(integrationWebhooks.status, ['pending', 'processing']));
  log(`accepted ${accepted.length}, rows ${rows.length}, still pending/processing ${pending.length}${sink ? `, events sent to the sink ${sink.received()}` : ''}`);

  const summary = {
    jobs: JOBS,
    ingest_rps: Math.round(median(rounds.map((r) => r.ingest.rps))),
    bare_rps: Math.round(median(rounds.map((r) => r.bare.rps))),
    ratio: Number(median(rounds.map((r) => r.ingest.rps / r.bare.rps)).toFixed(3)),
    p50_ms: median(rounds.map((r) => r.ingest.p50)),
    p99_ms: median(rounds.map((r) => r.ingest.p99)),
    p99_ms_at_100rps: Number(median(paced).toFixed(1)),
    // The floor: a route that only sends the body to Postgres and back (app/bench/store).
    store_rps: Math.round(median(rounds.map((r) => r.store.rps))),
    store_ratio: Number(median(rounds.map((r) => r.store.rps / r.bare.rps)).toFixed(3)),
    ingest_vs_store: Number(median(rounds.map((r) => r.ingest.rps / r.store.rps)).toFixed(3)),
    store_p99_ms_at_100rps: Number(storePaced.p99.toFixed(1)),
    lost,
    duplicates,
  };
  log(`medians of ${ROUNDS} round(s); bare p50 ${median(rounds.map((r) => r.bare.p50))} ms p99 ${median(rounds.map((r) => r.bare.p99))} ms`);
  summaryLine = JSON.stringify(summary);
} catch (err) {
  console.error('[bench] failed:', err instanceof Error ? err.message : err);
  exitCode = 1;
}
await worker?.stop(); // before the database goes
await finishBench(bench, server, { summaryLine, exitCode }, async () => sink?.close());
