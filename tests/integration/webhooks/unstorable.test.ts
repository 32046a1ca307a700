import { describe, expect, it } from 'vitest';
import { createWebhookIntegration, deliveriesOf, githubHeaders, post, routes } from './fixtures';

describe('verified bodies Postgres cannot store, and streamed oversized bodies', () => {
  it('NUL characters, lone surrogates and deep nesting → 400 (not a 503 the sender retries forever)', async () => {
    const { integration, secret } = await createWebhookIntegration('github');
    const bodies = [
      ['NUL in a string', '{"action":"opened","title":"a\\u0000b"}'],
      ['NUL in a key', '{"a\\u0000":1}'],
      ['lone surrogate', '{"title":"\\ud800"}'],
      ['nesting 100 deep', `${'{"a":'.repeat(100)}1${'}'.repeat(100)}`],
    ] as const;
    for (const [name, body] of bodies) {
      const res = await post('github', integration.id, { body, headers: await githubHeaders(secret, body, 'issues', `u-${name}`) });
      expect(res.status, name).toBe(400);
    }
    expect(await deliveriesOf(integration.id)).toEqual([]);
  });

  it('a chunked body over the limit (no Content-Length) gets its 413', async () => {
    const { integration } = await createWebhookIntegration('github');
    const chunk = new Uint8Array(64 * 1024).fill(0x20);
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= 2 * 1024 * 1024) return controller.close();
        sent += chunk.byteLength;
        controller.enqueue(chunk);
      },
    });
    const request = new Request(`http://localhost/integrations/webhooks/github/${integration.id}`, {
      method: 'POST',
      body: stream,
      headers: { 'content-type': 'application/json' },
      duplex: 'half',
    } as RequestInit);
    const res = await routes.github(request, { params: Promise.resolve({ integrationId: integration.id }) });
    expect(res.status).toBe(413);
    expect(sent).toBe(2 * 1024 * 1024); // drained, not left hanging
    expect(await deliveriesOf(integration.id)).toEqual([]);
  });
});
