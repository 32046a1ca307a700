import { describe, expect, it } from 'vitest';
import { isSecretKey, labelInWords, logDetailPairs, withoutSecrets } from '@/app/integrations/project/[projectId]/[integrationId]/logs/log-detail-pairs';

describe('a log entry\'s details in plain words', () => {
  it('pairs each field with a label in words; values read as text', () => {
    expect(logDetailPairs({
      deliveryRowId: 'abc', attempts: 3, canManageHooks: true, private: false, expiresAt: null,
      slack_error: 'channel_not_found', since: '2026-12-02T13:07:14.863Z', scopes: ['repo', 'admin:repo_hook'], guids: [], url: 'https://example.test/x',
    })).toEqual([
      { label: 'Delivery row ID', value: 'abc' },
      { label: 'Attempts', value: '3' },
      { label: 'Can manage hooks', value: 'yes' },
      { label: 'Private', value: 'no' },
      { label: 'Expires at', value: '—' },
      { label: 'Slack error', value: 'channel_not_found' },
      { label: 'Since', value: '2026-12-02 13:07:14 UTC' },
      { label: 'Scopes', value: 'repo, admin:repo_hook' },
      { label: 'Guids', value: 'none' },
      { label: 'URL', value: 'https://example.test/x' },
    ]);
  });

  it('spells out a nested map (rejection reasons), keeps reason keys that merely mention a signature, summarises deeper levels', () => {
    expect(logDetailPairs({
      rejected: 3,
      reasons: { '401 invalid signature': 2, '401 missing X-Hub-Signature-256': 1 },
      cleanup: { webhook: { removed: true } },
      events: [{ a: 1 }, { b: 2 }],
    })).toEqual([
      { label: 'Rejected', value: '3' },
      { label: 'Reasons › 401 invalid signature', value: '2' },
      { label: 'Reasons › 401 missing X-Hub-Signature-256', value: '1' },
      { label: 'Cleanup › Webhook', value: '1 field (see raw details)' },
      { label: 'Events', value: '2 items (see raw details)' },
    ]);
  });

  it('never shows secret-like fields, at any depth, in the pairs or the raw JSON', () => {
    const details = {
      by: 'user-1',
      token: 'replaced',
      accessToken: 'gho_live_1',
      webhook_secret: 'whsec_2',
      headers: { 'x-hub-signature-256': 'sha256=3', Authorization: 'Bearer 4', cookie: 'sid=5', 'x-github-event': 'issues' },
      nested: [{ password: 'hunter6', ok: true }],
    };
    const shown = JSON.stringify([logDetailPairs(details), withoutSecrets(details)]);
    for (const secret of ['replaced', 'gho_live_1', 'whsec_2', 'sha256=3', 'Bearer 4', 'sid=5', 'hunter6']) expect(shown).not.toContain(secret);
    expect(logDetailPairs(details)).toEqual([
      { label: 'By', value: 'user-1' },
      { label: 'Headers › X github event', value: 'issues' },
      { label: 'Nested', value: '1 item (see raw details)' },
    ]);
    expect(withoutSecrets(details)).toEqual({ by: 'user-1', headers: { 'x-github-event': 'issues' }, nested: [{ ok: true }] });
    expect(['token', 'refresh_token', 'webhookSecret', 'X-Slack-Signature', 'Set-Cookie', 'PASSWORD'].every(isSecretKey)).toBe(true);
    expect(isSecretKey('401 invalid signature')).toBe(false);
  });

  it('cuts long values and long lists of fields', () => {
    const [long] = logDetailPairs({ body: 'x'.repeat(1000) });
    expect(long!.value).toHaveLength(301);
    const many = logDetailPairs(Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`field${i}`, i])));
    expect(many).toHaveLength(40);
    expect(many.at(-1)).toEqual({ label: 'More', value: '21 more in the raw details' });
    expect(labelInWords('lastAttemptAt')).toBe('Last attempt at');
  });
});
