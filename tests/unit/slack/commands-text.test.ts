import { describe, expect, it } from 'vitest';
import { parseSlashCommand } from '@/lib/integrations/slack/commands-text';
import { prefillFromMessage } from '@/lib/integrations/slack/modal';
import { allowedResponseUrl } from '@/lib/integrations/slack/respond';

describe('/task parsing', () => {
  it('create with every option, in any order', () => {
    expect(parseSlashCommand('create  Fix #bug the <@U123|ann> login !HIGH due:2027-01-31 @bob')).toEqual({
      kind: 'create', title: 'Fix the login', mentions: ['U123', '@bob'], labels: ['bug'], due: '2027-01-31', priority: 'high', errors: [],
    });
  });
  it('names bad dates and priorities', () => {
    const c = parseSlashCommand('create X due:2027-02-30 !asap');
    expect(c.kind === 'create' && c.errors).toEqual(['due date "2027-02-30" is not a date as YYYY-MM-DD', 'priority "asap" is not one of low, medium, high, urgent']);
  });
  it('help, list, done, unknown', () => {
    expect(parseSlashCommand('')).toEqual({ kind: 'help' });
    expect(parseSlashCommand('LIST all')).toEqual({ kind: 'list', all: true });
    expect(parseSlashCommand('done 3f2a19 ')).toEqual({ kind: 'done', ref: '3f2a19' });
    expect(parseSlashCommand('delete x')).toEqual({ kind: 'unknown', word: 'delete' });
    expect(parseSlashCommand('create')).toMatchObject({ kind: 'create', title: '' });
  });
  it('pre-fills a title from a message (first line, links unwrapped)', () => {
    expect(prefillFromMessage('See <https://x.test|the doc>\nmore', 'https://acme.slack.com/p1')).toEqual({
      title: 'See the doc', description: 'See the doc\nmore\n\nFrom Slack: https://acme.slack.com/p1',
    });
  });
  it('response_url: only hooks.slack.com over https, or the configured API origin', () => {
    expect(allowedResponseUrl('https://hooks.slack.com/commands/T/1/x', 'https://slack.com/api')).not.toBeNull();
    expect(allowedResponseUrl('http://hooks.slack.com/commands/T/1/x', 'https://slack.com/api')).toBeNull();
    expect(allowedResponseUrl('https://evil.test/x', 'https://slack.com/api')).toBeNull();
    expect(allowedResponseUrl('http://127.0.0.1:9/response/1', 'http://127.0.0.1:9/api')).not.toBeNull();
  });
});
