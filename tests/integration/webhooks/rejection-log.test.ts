import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { listIntegrationLogsPage } from '@/db/queries/integration-logs';
import { createWebhookIntegration, githubHeaders, githubSignature, post } from './fixtures';

const body = JSON.stringify({ action: 'opened', issue: { number: 1, title: 'x' } });

/** Polls the logs page's own query (first page, newest first) until a webhook warning shows. */
async function waitForRejectionRow(integrationId: string, timeoutMs: number) {
  const started = Date.now();
  for (;;) {
    const page = await listIntegrationLogsPage(getDb(), integrationId, { actionType: 'webhook', status: 'warning', limit: 50 });
    if (page.rows.length > 0) return page.rows;
    if (Date.now() - started > timeoutMs) throw new Error(`no rejection row on the logs page after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('rejected webhook requests reach the logs page within seconds', () => {
  it('bad and missing signatures through the real route: one row within 5 s naming the reasons', async () => {
    const { integration, secret } = await createWebhookIntegration('github');
    const headers = await githubHeaders(secret, body, 'issues', 'd-1');
    const forged = { ...headers, 'x-hub-signature-256': await githubSignature('not-the-secret', body) };
    const { 'x-hub-signature-256': _dropped, ...unsigned } = headers;
    const started = Date.now();
    const answers = await Promise.all([
      post('github', integration.id, { body, headers: forged }),
      post('github', integration.id, { body, headers: { ...forged, 'x-github-delivery': 'd-2' } }),
      post('github', integration.id, { body, headers: unsigned }),
    ]);
    expect(answers.map((r) => r.status)).toEqual([401, 401, 401]);

    const rows = await waitForRejectionRow(integration.id, 5_000);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.description).toBe('3 requests rejected: bad signature ×2, missing signature ×1');
    expect(rows[0]!.details).toMatchObject({ rejected: 3, reasons: { '401 invalid signature': 2, '401 missing X-Hub-Signature-256': 1 } });
    // Neither the body nor any signature is written down.
    const stored = JSON.stringify(rows[0]);
    expect(stored).not.toContain('opened');
    expect(stored).not.toContain(forged['x-hub-signature-256'].slice(7));
    expect(stored).not.toContain(secret);
  });
});
