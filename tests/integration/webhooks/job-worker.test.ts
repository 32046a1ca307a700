import fs from 'node:fs';
import webhookDefinitions from '@octokit/webhooks-examples';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drainTarget } from '@/lib/jobs/in-process/nudge';
import { drainToken } from '@/lib/webhooks/drain-token';
import { type JobWorker, startJobWorker } from '@/scripts/job-worker';
import { createWebhookIntegration, githubHeaders, post, settled } from './fixtures';

const ping = webhookDefinitions.find((d) => d.name === 'ping')!.examples[0]!;
let worker: JobWorker;
const workerEnv = () => ({ ...process.env, TASKBRIDGE_WORKER_NICE: '10', WEBHOOK_SWEEP_INTERVAL_MS: '3600000', TASKBRIDGE_DRAIN_URL: '' });

beforeAll(async () => {
  worker = await startJobWorker(workerEnv());
  process.env.TASKBRIDGE_DRAIN_URL = worker.drainUrl;
}, 60_000);
afterAll(async () => {
  delete process.env.TASKBRIDGE_DRAIN_URL;
  await worker?.stop();
});

const health = async (w: JobWorker) => (await (await fetch(new URL('/health', w.drainUrl))).json()) as { ok: boolean; processed: number };
const sendPing = async (integrationId: string, secret: string, deliveryId: string) => {
  const body = JSON.stringify(ping);
  return post('github', integrationId, { body, headers: await githubHeaders(secret, body, 'ping', deliveryId) });
};

describe('the job worker (npm start without Inngest): webhook processing outside the web server', () => {
  it('runs as its own process at a lower priority and refuses drains without the token', async () => {
    const pid = worker.process.pid!;
    expect(pid).not.toBe(process.pid);
    // /proc/<pid>/stat: field 19 is the nice value (after the parenthesised command name).
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    expect(Number(fields[16])).toBe(10);
    expect((await fetch(worker.drainUrl, { method: 'POST', headers: { 'x-taskbridge-drain': 'guess' } })).status).toBe(404);
    expect((await fetch(worker.drainUrl, { method: 'POST' })).status).toBe(404);
    expect((await fetch(new URL('/anything', worker.drainUrl), { method: 'POST' })).status).toBe(404);
    const ok = await fetch(worker.drainUrl, { method: 'POST', headers: { 'x-taskbridge-drain': await drainToken() } });
    expect(ok.status).toBe(200);
  });

  it('the webhook route nudges the worker, which processes the stored delivery', async () => {
    expect(drainTarget('http://localhost').toString()).toBe(worker.drainUrl);
    const before = (await health(worker)).processed;
    const { integration, secret } = await createWebhookIntegration('github');
    expect((await sendPing(integration.id, secret, `worker-${integration.id}`)).status).toBe(202);
    const [row] = await settled(integration.id, 30_000);
    expect(row!.status).toBe('processed');
    expect((await health(worker)).processed).toBeGreaterThan(before);
  });

  it('a delivery stored while the worker is down waits in Postgres and is processed when it starts again', async () => {
    await worker.stop();
    const { integration, secret } = await createWebhookIntegration('github');
    // The nudge fails (nobody listens): the sender still gets its 202, the row stays for later.
    expect((await sendPing(integration.id, secret, `worker-down-${integration.id}`)).status).toBe(202);
    worker = await startJobWorker(workerEnv());
    process.env.TASKBRIDGE_DRAIN_URL = worker.drainUrl;
    const [row] = await settled(integration.id, 30_000);
    expect(row!.status).toBe('processed');
    expect(row!.attempts).toBe(1);
  }, 60_000);
});

describe('where the edge routes nudge', () => {
  it('the job worker when npm start runs one, else this server’s drain route at APP_URL', () => {
    expect(drainTarget('http://fallback:3000', { TASKBRIDGE_DRAIN_URL: 'http://127.0.0.1:4555/drain' }).toString()).toBe('http://127.0.0.1:4555/drain');
    expect(drainTarget('http://fallback:3000', { APP_URL: 'https://tb.example.com' }).toString()).toBe('https://tb.example.com/api/internal/webhooks/drain');
    expect(drainTarget('http://fallback:3000', {}).toString()).toBe('http://fallback:3000/api/internal/webhooks/drain');
  });
});
