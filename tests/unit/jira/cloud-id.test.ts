import { describe, expect, it } from 'vitest';
import { jiraCloudId } from '@/lib/integrations/jira/client';

describe('jiraCloudId: which Jira site an OAuth grant uses', () => {
  it('the settings name it, or the site the Connect flow chose is the API base; an API token has none', () => {
    expect(jiraCloudId({ apiBaseUrl: 'https://api.atlassian.com', settings: { cloudId: 'c0ffee-1' } })).toBe('c0ffee-1');
    expect(jiraCloudId({ apiBaseUrl: 'https://api.atlassian.com/ex/jira/1324a887-45db', settings: {} })).toBe('1324a887-45db');
    expect(jiraCloudId({ apiBaseUrl: 'https://api.atlassian.com/ex/jira/1324a887-45db/', settings: {} })).toBe('1324a887-45db');
    expect(jiraCloudId({ apiBaseUrl: 'https://api.atlassian.com', settings: { siteUrl: 'https://acme.atlassian.net', email: 'a@b.c' } })).toBeNull();
  });
});
