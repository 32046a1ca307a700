import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { integrationSecret } from '@/db/queries/integrations';
import { recordDeliveries } from '@/db/queries/webhook-ingest';
import { integrationProviders, integrationWebhooks, projectIntegrations } from '@/db/schema';
import { encryptSecret } from '@/lib/crypto/secrets';
import type { ProviderType } from '@/lib/integrations/provider-types';
import { swapCapability } from '@/tests/helpers/swap-capability';
import type { DeliveryProcessor } from '@/lib/integrations/types';
import { importHmacKey, signHex, utf8 } from '@/lib/integrations/kit/hmac';
import { createProject, createUser } from '../../helpers/factories';
import { POST as githubPost } from '@/app/integrations/webhooks/github/[integrationId]/route';
import { POST as slackPost } from '@/app/integrations/webhooks/slack/[integrationId]/route';
import { POST as jiraPost } from '@/app/integrations/webhooks/jira/[integrationId]/route';
import { POST as googlePost } from '@/app/integrations/webhooks/google-calendar/[integrationId]/route';
import { POST as outlookPost } from '@/app/integrations/webhooks/outlook-calendar/[integrationId]/route';
import { POST as drainPost } from '@/app/api/internal/webhooks/drain/route';

/** The real route handlers, called as plain functions. */
export const routes: Record<ProviderType, typeof githubPost> = {
  github: githubPost,
  slack: slackPost,
  jira: jiraPost,
  'google-calendar': googlePost,
  'outlook-calendar': outlookPost,
};

/** A project with one integration of `provider` whose webhook secret is `secret`. */
export async function createWebhookIntegration(
  provider: ProviderType,
  options: { secret?: string; settings?: Record<string, unknown>; isActive?: boolean } = {},
) {
  const db = getDb();
  const user = await createUser('hook');
  const project = await createProject(user.id);
  const [providerRow] = await db.select().from(integrationProviders).where(eq(integrationProviders.providerType, provider));
  const secret = options.secret ?? `secret-${Math.random().toString(36).slice(2)}`;
  const id = crypto.randomUUID();
  const [integration] = await db
    .insert(projectIntegrations)
    .values({
      id,
      projectId: project.id,
      providerId: providerRow!.id,
      createdBy: user.id,
      webhookSecret: await encryptSecret(secret, integrationSecret(id, 'webhook_secret')),
      settings: options.settings ?? {},
      isActive: options.isActive ?? true,
    })
    .returning();
  return { user, project, integration: integration!, secret, providerRowId: providerRow!.id };
}

/** A new GitHub integration with one stored (pending, never attempted) `issues` delivery. */
export async function storedDelivery(deliveryId: string, payload: unknown = { n: 1 }) {
  const { integration, providerRowId } = await createWebhookIntegration('github');
  const [row] = await recordDeliveries(getDb(), [
    { integrationId: integration.id, providerId: providerRowId, deliveryId, eventType: 'issues', eventAction: 'opened', payload, headers: {} },
  ]);
  return { integrationId: integration.id, id: row!.id };
}

let appServer: Promise<string> | undefined;

/**
 * A loopback HTTP server in front of the real drain route handler, as APP_URL: the webhook
 * routes' in-process nudge (edge → Node drain) then travels over real HTTP as under next start.
 */
export function startDrainServer(): Promise<string> {
  appServer ??= new Promise((resolve) => {
    const server = http.createServer(async (req, res) => {
      const headers = new Headers();
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers.set(k, v);
      const answer = await drainPost(new Request(`http://127.0.0.1${req.url}`, { method: req.method, headers }));
      res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'text/plain' });
      res.end(Buffer.from(await answer.arrayBuffer()));
    });
    server.unref();
    server.listen(0, '127.0.0.1', () => {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      process.env.APP_URL = url;
      resolve(url);
    });
  });
  return appServer;
}

/** POSTs through the real route: `/integrations/webhooks/<provider>/<id>` (+ optional trailing slash). */
export function post(
  provider: ProviderType,
  integrationId: string,
  init: { body?: string; headers?: Record<string, string>; query?: string; trailingSlash?: boolean } = {},
): Promise<Response> {
  return startDrainServer().then(() => postNow(provider, integrationId, init));
}

function postNow(
  provider: ProviderType,
  integrationId: string,
  init: { body?: string; headers?: Record<string, string>; query?: string; trailingSlash?: boolean },
): Promise<Response> {
  const url = `http://localhost/integrations/webhooks/${provider}/${integrationId}${init.trailingSlash ? '/' : ''}${init.query ?? ''}`;
  const request = new Request(url, { method: 'POST', body: init.body, headers: init.headers });
  return routes[provider](request, { params: Promise.resolve({ integrationId }) });
}

export async function githubSignature(secret: string, body: string): Promise<string> {
  return `sha256=${await signHex(await importHmacKey(secret), utf8(body))}`;
}

export async function slackSignature(secret: string, timestamp: string, body: string): Promise<string> {
  return `v0=${await signHex(await importHmacKey(secret), utf8(`v0:${timestamp}:${body}`))}`;
}

/** Signed GitHub delivery headers. */
export async function githubHeaders(secret: string, body: string, event: string, deliveryId: string) {
  return {
    'content-type': 'application/json',
    'x-github-event': event,
    'x-github-delivery': deliveryId,
    'x-hub-signature-256': await githubSignature(secret, body),
  };
}

export async function deliveriesOf(integrationId: string) {
  return getDb().select().from(integrationWebhooks).where(eq(integrationWebhooks.integrationId, integrationId));
}

/** Waits until every delivery of the integration left pending/processing (in-process runs are async). */
export async function settled(integrationId: string, timeoutMs = 10_000) {
  const started = Date.now();
  for (;;) {
    const rows = await deliveriesOf(integrationId);
    if (rows.every((r) => r.status !== 'pending' && r.status !== 'processing')) return rows;
    if (Date.now() - started > timeoutMs) throw new Error(`deliveries still pending: ${rows.map((r) => r.status).join(',')}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * Puts `processor` (or none) in a provider's registry slot for one test and returns the undo.
 * Pipeline tests use it to be independent of the provider processors other helpers ship.
 */
export function swapProcessor(provider: ProviderType, processor: DeliveryProcessor | undefined): () => void {
  return swapCapability(provider, 'inbound', processor && { process: processor });
}
