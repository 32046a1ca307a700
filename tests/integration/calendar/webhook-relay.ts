import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { POST as googlePost } from '@/app/integrations/webhooks/google-calendar/[integrationId]/route';
import { POST as outlookPost } from '@/app/integrations/webhooks/outlook-calendar/[integrationId]/route';

const routes = { 'google-calendar': googlePost, 'outlook-calendar': outlookPost } as const;

/** Our webhook routes behind a real HTTP port, so a fake can call them (Graph's validation POST, Google's messages). */
export async function startWebhookRelay() {
  const server = createServer(async (req, res) => {
    const m = /^\/integrations\/webhooks\/(google-calendar|outlook-calendar)\/([^/?]+)\/?/.exec(req.url ?? '');
    if (!m) return void res.writeHead(404).end();
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const headers = new Headers();
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers.set(k, v);
    const request = new Request(`http://localhost${req.url}`, { method: 'POST', headers, body: chunks.length ? Buffer.concat(chunks) : undefined });
    const response = await routes[m[1] as keyof typeof routes](request, { params: Promise.resolve({ integrationId: m[2]! }) });
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(Buffer.from(await response.arrayBuffer()));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, stop: () => new Promise<void>((r) => server.close(() => r())) };
}
