import { describe, expect, it } from 'vitest';
import { buildJql, jqlDate, OVERLAP_MS } from '@/lib/integrations/jira/pull-issues';
import { checkJiraSiteUrl, isBlockedAddress } from '@/lib/integrations/jira/site-url';

describe('JQL cursor', () => {
  it('formats to the minute in the Jira user’s time zone', () => {
    const ms = Date.parse('2026-12-01T23:59:59.999Z');
    expect(jqlDate(ms, 'UTC')).toBe('2026/12/01 23:59');
    expect(jqlDate(ms, 'Europe/Berlin')).toBe('2026/12/02 00:59');
    expect(jqlDate(ms, 'America/New_York')).toBe('2026/12/01 18:59');
  });

  it('starts a full import with the project only, and later queries one overlap before the newest change', () => {
    expect(buildJql('PROJ', { since: null, timeZone: 'UTC' })).toBe('project = "PROJ" ORDER BY updated ASC');
    const since = '2026-12-01T10:30:20.000Z';
    expect(OVERLAP_MS).toBeGreaterThanOrEqual(60_000);
    expect(buildJql('PROJ', { since, timeZone: 'UTC' })).toBe('project = "PROJ" AND updated >= "2026/12/01 10:29" ORDER BY updated ASC');
  });
});

describe('Jira site URL (SSRF)', () => {
  const env = { JIRA_ALLOWED_BASE_URLS: 'https://jira.corp.example, http://127.0.0.1:4567' };
  it('accepts atlassian.net sites and allow-listed bases only', () => {
    expect(checkJiraSiteUrl('https://acme.atlassian.net', {})).toBeNull();
    expect(checkJiraSiteUrl('http://acme.atlassian.net', {})).toMatch(/atlassian\.net/);
    expect(checkJiraSiteUrl('https://acme.atlassian.net.evil.com', {})).toMatch(/atlassian\.net/);
    expect(checkJiraSiteUrl('https://user:pw@acme.atlassian.net', {})).toMatch(/plain/);
    expect(checkJiraSiteUrl('https://jira.corp.example', env)).toBeNull();
    expect(checkJiraSiteUrl('https://other.corp.example', env)).toMatch(/JIRA_ALLOWED_BASE_URLS/);
  });

  it('refuses loopback, private and metadata addresses unless the test config allows them', () => {
    expect(checkJiraSiteUrl('http://127.0.0.1:4567', env)).toMatch(/private/);
    expect(checkJiraSiteUrl('http://127.0.0.1:4567', { ...env, JIRA_ALLOW_PRIVATE_ADDRESSES: '1' })).toBeNull();
    for (const host of ['127.0.0.1', '10.1.2.3', '169.254.169.254', '192.168.0.1', '[::1]', '::ffff:127.0.0.1', 'fd00::1', 'localhost']) {
      expect(isBlockedAddress(host, {}), host).toBe(true);
    }
    expect(isBlockedAddress('104.192.136.1', {})).toBe(false);
    expect(isBlockedAddress('acme.atlassian.net', {})).toBe(false);
  });
});
