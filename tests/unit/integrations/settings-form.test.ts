import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { githubSettingsSchema } from '@/lib/integrations/github/schema';
import { jiraSettingsSchema } from '@/lib/integrations/jira/schema';
import { allProviders } from '@/lib/integrations/registry';
import { describeSettings, formToSettings, humanizeKey, settingsFieldError, settingsToForm } from '@/lib/integrations/settings-form';
import { slackSettingsSchema } from '@/lib/integrations/slack/schema';

describe('settings form from a zod schema', () => {
  it('maps each JSON Schema shape to a control', () => {
    const kinds = (s: z.ZodType) => Object.fromEntries(describeSettings(s).map((f) => [f.key, f.kind]));
    expect(kinds(githubSettingsSchema)).toEqual({ conflictPolicy: 'enum', labelFilter: 'text-list' });
    expect(kinds(slackSettingsSchema)).toEqual({ notifyOn: 'enum-list', slashCommandEnabled: 'boolean' });
    expect(kinds(jiraSettingsSchema)).toEqual({
      siteUrl: 'text', email: 'text', statusMap: 'json', priorityMap: 'json', allowUnsignedWebhooks: 'boolean',
    });
    const jira = describeSettings(jiraSettingsSchema);
    expect(jira.find((f) => f.key === 'email')).toMatchObject({ inputType: 'email', optional: true, label: 'Email' });
    expect(jira.find((f) => f.key === 'statusMap')).toMatchObject({ optional: false, label: 'Status map' });
  });

  it('round-trips every provider’s defaults through the form and its schema', () => {
    for (const p of allProviders) {
      const fields = describeSettings(p.settingsSchema);
      const defaults = p.settingsSchema.parse({});
      const back = formToSettings(fields, settingsToForm(fields, defaults));
      expect(back.fieldErrors).toEqual({});
      expect(p.settingsSchema.parse(back.settings)).toEqual(defaults);
    }
  });

  it('parses comma lists and JSON, drops empty optional text, names bad JSON on its field', () => {
    const fields = describeSettings(jiraSettingsSchema);
    const out = formToSettings(fields, { siteUrl: '  ', email: 'a@b.co', statusMap: '{"Open":"todo"}', priorityMap: '{nope', allowUnsignedWebhooks: true });
    expect(out.settings).toEqual({ email: 'a@b.co', statusMap: { Open: 'todo' }, allowUnsignedWebhooks: true });
    expect(out.fieldErrors).toEqual({ 'settings.priorityMap': 'must be valid JSON' });
    const gh = formToSettings(describeSettings(githubSettingsSchema), { conflictPolicy: 'external', labelFilter: 'bug, , ui ' });
    expect(gh.settings).toEqual({ conflictPolicy: 'external', labelFilter: ['bug', 'ui'] });
  });

  it('finds nested schema errors for a field; humanizes keys', () => {
    expect(settingsFieldError({ 'settings.statusMap.Open': 'Invalid option' }, 'statusMap')).toBe('Invalid option');
    expect(settingsFieldError({ 'settings.statusMapX': 'x' }, 'statusMap')).toBeUndefined();
    expect(humanizeKey('slashCommandEnabled')).toBe('Slash command enabled');
    expect(humanizeKey('siteUrl')).toBe('Site URL');
  });
});
