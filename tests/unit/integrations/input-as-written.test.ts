import { describe, expect, it } from 'vitest';
import { describeSettings } from '@/lib/integrations/settings-form';
import { githubRepoSchema, githubSettingsSchema } from '@/lib/integrations/github/schema';
import { jiraProjectKeySchema } from '@/lib/integrations/jira/schema';
import { slackChannelSchema } from '@/lib/integrations/slack/schema';
import { allProviderCores } from '@/lib/integrations/registry';

describe('input as people write it', () => {
  it.each([
    ['octo/hello', 'octo/hello'],
    ['  https://github.com/octo/hello  ', 'octo/hello'],
    ['https://github.com/octo/hello.git', 'octo/hello'],
    ['https://www.github.com/octo/hello/issues/12', 'octo/hello'],
    ['github.com/octo/hello?tab=readme', 'octo/hello'],
    ['git@github.com:octo/hello.git', 'octo/hello'],
  ])('GitHub %s → %s', (input, expected) => {
    expect(githubRepoSchema.parse(input)).toBe(expected);
  });

  it('a GitHub value that is no repository is still refused, naming the shape', () => {
    const r = githubRepoSchema.safeParse('https://gitlab.com/octo/hello');
    expect(r.success ? null : r.error.issues[0]!.message).toMatch(/owner\/repository/);
  });

  it.each([['proj', 'PROJ'], [' Proj ', 'PROJ'], ['proj-1', 'PROJ'], ['AB_2', 'AB_2']])('Jira %s → %s', (input, expected) => {
    expect(jiraProjectKeySchema.parse(input)).toBe(expected);
  });

  // A name is kept as #name (lower-case, as Slack has it) for the save to resolve to its id.
  it.each([
    ['C0123456789', 'C0123456789'],
    [' G0SECRET01 ', 'G0SECRET01'],
    ['#general', '#general'],
    ['general', '#general'],
    ['#Team-Updates', '#team-updates'],
    ['#équipe_2', '#équipe_2'],
  ])('Slack %s → %s', (input, expected) => {
    expect(slackChannelSchema.parse(input)).toBe(expected);
  });

  it.each(['', '#', '#two words', '#a/b'])('Slack %j is refused, naming both shapes', (input) => {
    const r = slackChannelSchema.safeParse(input);
    expect(r.success ? null : r.error.issues[0]!.message).toBe('must be a channel name such as #general, or a channel id such as C0123456789');
  });
});

describe('configure page words', () => {
  it('the conflict policy is a select whose options are sentences', () => {
    const field = describeSettings(githubSettingsSchema).find((f) => f.key === 'conflictPolicy')!;
    expect(field).toMatchObject({ kind: 'enum', label: 'When a field was changed on both sides' });
    expect(field.kind === 'enum' && field.optionLabels).toEqual({
      newest: 'The most recent edit wins',
      taskbridge: "Taskbridge wins: the issue gets the task's value",
      external: "GitHub wins: the task gets the issue's value",
      ask: 'Ask me: hold the field until I choose in the conflict inbox',
    });
  });

  it('the webhook steps and field help speak to people, not in internals', () => {
    for (const p of allProviderCores) {
      for (const text of [p.webhookHelp, p.externalId.help, p.externalId.label]) {
        expect(text, p.id).not.toMatch(/clientState|events\.watch|Graph subscription|Inngest|in-process|"Rotate" disabled/i);
      }
    }
  });

  it('every provider says what works today (a list, possibly empty)', () => {
    for (const p of allProviderCores) expect(Array.isArray(p.defaults.features)).toBe(true);
    expect(allProviderCores.find((p) => p.id === 'github')!.defaults.features.length).toBeGreaterThan(0);
  });
});
