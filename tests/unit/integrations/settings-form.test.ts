import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { githubSettingsSchema } from '@/lib/integrations/github/schema';
import { jiraSettingsSchema } from '@/lib/integrations/jira/schema';
import { allProviderCores } from '@/lib/integrations/registry';
import { describeSettings, formToSettings, humanizeKey, settingsEditedElsewhere, settingsFieldError, settingsToForm } from '@/lib/integrations/settings-form';
import { slackSettingsSchema } from '@/lib/integrations/slack/schema';

describe('settings form from a zod schema', () => {
  it('maps each JSON Schema shape to a control', () => {
    const kinds = (s: z.ZodType) => Object.fromEntries(describeSettings(s).map((f) => [f.key, f.kind]));
    expect(kinds(githubSettingsSchema)).toEqual({ conflictPolicy: 'enum', safetyThreshold: 'number', labelFilter: 'text-list' });
    expect(kinds(slackSettingsSchema)).toEqual({ notifyOn: 'enum-list', slashCommandEnabled: 'boolean' });
    // Jira's maps, issue type, fix versions and conflict policy are on the Mapping tab, its cloud id comes from Connect:
    // the configure form shows no JSON.
    expect(kinds(jiraSettingsSchema)).toEqual({ siteUrl: 'text', email: 'text', safetyThreshold: 'number', allowUnsignedWebhooks: 'boolean' });
    const jira = describeSettings(jiraSettingsSchema);
    expect(jira.find((f) => f.key === 'email')).toMatchObject({ inputType: 'email', optional: true, label: 'Account email' });
    expect(jira.find((f) => f.key === 'safetyThreshold')).toMatchObject({ integer: true, min: 0, optional: true });
  });

  it('no provider’s configure form has a JSON field or an option without words', () => {
    for (const p of allProviderCores) {
      for (const f of describeSettings(p.settingsSchema)) {
        expect(f.kind, `${p.id}.${f.key}`).not.toBe('json');
        if (f.kind === 'enum' || f.kind === 'enum-list') expect(Object.keys(f.optionLabels ?? {}).sort(), `${p.id}.${f.key}`).toEqual([...f.options].sort());
      }
    }
  });

  it('keeps the stored values of the settings edited elsewhere, and only those', () => {
    const stored = { siteUrl: 'https://a.atlassian.net', statusMap: { '10': 'done' }, cloudId: 'abc-1', conflictPolicy: 'ask', allowUnsignedWebhooks: true };
    expect(settingsEditedElsewhere(jiraSettingsSchema, stored)).toEqual({ statusMap: { '10': 'done' }, cloudId: 'abc-1', conflictPolicy: 'ask' });
    expect(settingsEditedElsewhere(githubSettingsSchema, { conflictPolicy: 'ask' })).toEqual({});
  });

  it('reads a number field as a number, and names a wrong one', () => {
    const fields = describeSettings(githubSettingsSchema);
    expect(formToSettings(fields, { safetyThreshold: ' 40 ' }).settings).toMatchObject({ safetyThreshold: 40 });
    expect(formToSettings(fields, { safetyThreshold: '' }).settings).not.toHaveProperty('safetyThreshold');
    expect(formToSettings(fields, { safetyThreshold: 'ten' }).fieldErrors).toEqual({ 'settings.safetyThreshold': 'must be a number' });
    expect(formToSettings(fields, { safetyThreshold: '2.5' }).fieldErrors).toEqual({ 'settings.safetyThreshold': 'must be a whole number' });
    expect(settingsToForm(fields, { safetyThreshold: 40 }).safetyThreshold).toBe('40');
  });

  it('round-trips every provider’s defaults through the form and its schema', () => {
    for (const p of allProviderCores) {
      const fields = describeSettings(p.settingsSchema);
      const defaults = p.settingsSchema.parse({});
      const back = formToSettings(fields, settingsToForm(fields, defaults));
      expect(back.fieldErrors).toEqual({});
      expect(p.settingsSchema.parse(back.settings)).toEqual(defaults);
    }
  });

  it('parses comma lists and JSON, drops empty optional text, names bad JSON on its field', () => {
    const fields = describeSettings(z.object({ siteUrl: z.string().optional(), statusMap: z.record(z.string(), z.string()), priorityMap: z.record(z.string(), z.string()), on: z.boolean() }));
    const out = formToSettings(fields, { siteUrl: '  ', statusMap: '{"Open":"todo"}', priorityMap: '{nope', on: true });
    expect(out.settings).toEqual({ statusMap: { Open: 'todo' }, on: true });
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
