import { z } from 'zod';

/**
 * A provider's settings schema turned into form fields, generically (no per-provider forms):
 * boolean → checkbox, enum → select, array of enum → checkboxes, string → input, number →
 * number input, array of strings → comma list, anything else (records) → JSON textarea. A field
 * whose schema says `.meta({ editedOn })` (Jira's maps live on the Mapping tab, its cloud id is
 * set by Connect) is not on the form, and a save keeps its stored value (`settingsEditedElsewhere`).
 * Safe to import in the browser.
 */
/** `optional`: may be left empty with no default filling it in (shown as "Optional."). */
type Base = { key: string; label: string; description?: string; optional: boolean };
export type SettingsField =
  | (Base & { kind: 'boolean' })
  | (Base & { kind: 'enum'; options: string[]; optionLabels?: Record<string, string> })
  | (Base & { kind: 'enum-list'; options: string[]; optionLabels?: Record<string, string> })
  | (Base & { kind: 'number'; integer: boolean; min?: number })
  | (Base & { kind: 'text'; inputType: 'text' | 'email' | 'url' })
  | (Base & { kind: 'text-list' })
  | (Base & { kind: 'json' });

/** Values as the form holds them: checkboxes, selected options, raw text. */
export type SettingsFormValues = Record<string, string | string[] | boolean>;

type JsonSchema = {
  type?: string | string[];
  enum?: unknown[];
  format?: string;
  description?: string;
  title?: string;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  default?: unknown;
  minimum?: number;
  /** Words for enum values, from the schema's `.meta({ optionLabels })`. */
  optionLabels?: Record<string, string>;
  /** `.meta({ editedOn: 'mapping' | 'connect' })`: set somewhere else than the configure form. */
  editedOn?: string;
};

/** "conflictPolicy" → "Conflict policy", "siteUrl" → "Site URL". */
export function humanizeKey(key: string): string {
  const words = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/[_-]+/g, ' ').toLowerCase();
  const text = words.replace(/\b(url|id|api)\b/g, (w) => w.toUpperCase());
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const stringEnum = (s: JsonSchema | undefined): string[] | null =>
  s?.type === 'string' && Array.isArray(s.enum) && s.enum.every((v) => typeof v === 'string') ? (s.enum as string[]) : null;

// Why: one rule per JSON Schema shape keeps the form generic across providers.
function fieldFor(key: string, s: JsonSchema, optional: boolean): SettingsField {
  const base = { key, label: s.title ?? humanizeKey(key), optional, ...(s.description ? { description: s.description } : {}) };
  const options = stringEnum(s);
  if (s.type === 'boolean') return { ...base, kind: 'boolean' };
  if (options) return { ...base, kind: 'enum', options, ...(s.optionLabels ? { optionLabels: s.optionLabels } : {}) };
  if (s.type === 'string') {
    const inputType = s.format === 'email' ? 'email' : s.format === 'uri' ? 'url' : 'text';
    return { ...base, kind: 'text', inputType };
  }
  if (s.type === 'integer' || s.type === 'number') {
    return { ...base, kind: 'number', integer: s.type === 'integer', ...(s.minimum !== undefined ? { min: s.minimum } : {}) };
  }
  if (s.type === 'array') {
    const itemOptions = stringEnum(s.items);
    const optionLabels = s.optionLabels ?? s.items?.optionLabels;
    if (itemOptions) return { ...base, kind: 'enum-list', options: itemOptions, ...(optionLabels ? { optionLabels } : {}) };
    if (s.items?.type === 'string') return { ...base, kind: 'text-list' };
  }
  return { ...base, kind: 'json' };
}

const settingsProperties = (schema: z.ZodType) => {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  return { properties: Object.entries(json.properties ?? {}), required: new Set(json.required ?? []) };
};

// Why: the configure page renders whatever settings a provider declares, from its zod schema.
export function describeSettings(schema: z.ZodType): SettingsField[] {
  const { properties, required } = settingsProperties(schema);
  return properties.filter(([, s]) => !s.editedOn).map(([key, s]) => fieldFor(key, s, !required.has(key) && s.default === undefined));
}

/**
 * The stored values of the settings the form does not show (`editedOn`): a save of the form
 * carries them over unchanged, so saving the configure page never resets the Jira mapping.
 */
export function settingsEditedElsewhere(schema: z.ZodType, stored: Record<string, unknown> | null | undefined): Record<string, unknown> {
  const kept: Record<string, unknown> = {};
  for (const [key, s] of settingsProperties(schema).properties) {
    if (s.editedOn && stored && stored[key] !== undefined) kept[key] = stored[key];
  }
  return kept;
}

// Why: stored settings → the values the form starts with.
export function settingsToForm(fields: SettingsField[], settings: Record<string, unknown>): SettingsFormValues {
  const out: SettingsFormValues = {};
  for (const f of fields) {
    const v = settings[f.key];
    if (f.kind === 'boolean') out[f.key] = v === true;
    else if (f.kind === 'enum-list') out[f.key] = Array.isArray(v) ? v.map(String) : [];
    else if (f.kind === 'text-list') out[f.key] = Array.isArray(v) ? v.map(String).join(', ') : '';
    else if (f.kind === 'json') out[f.key] = v === undefined ? '' : JSON.stringify(v, null, 2);
    else if (f.kind === 'number') out[f.key] = typeof v === 'number' ? String(v) : '';
    else out[f.key] = typeof v === 'string' ? v : '';
  }
  return out;
}

/**
 * Form values → a settings object for the provider's schema to validate. Only the shape is
 * handled here (JSON parsing, comma lists, empty optional fields); the schema judges values.
 */
export function formToSettings(
  fields: SettingsField[],
  values: SettingsFormValues,
): { settings: Record<string, unknown>; fieldErrors: Record<string, string> } {
  const settings: Record<string, unknown> = {};
  const fieldErrors: Record<string, string> = {};
  for (const f of fields) {
    const v = values[f.key];
    if (f.kind === 'boolean') settings[f.key] = v === true;
    else if (f.kind === 'enum-list') settings[f.key] = Array.isArray(v) ? v : [];
    else if (f.kind === 'text-list') {
      settings[f.key] = String(v ?? '').split(',').map((s) => s.trim()).filter(Boolean);
    } else {
      const text = typeof v === 'string' ? v.trim() : '';
      if (!text) continue; // empty: the schema's default applies, or the field stays unset
      if (f.kind === 'json') {
        try {
          settings[f.key] = JSON.parse(text);
        } catch {
          fieldErrors[`settings.${f.key}`] = 'must be valid JSON';
        }
      } else if (f.kind === 'number') {
        const n = Number(text);
        if (!Number.isFinite(n)) fieldErrors[`settings.${f.key}`] = 'must be a number';
        else if (f.integer && !Number.isInteger(n)) fieldErrors[`settings.${f.key}`] = 'must be a whole number';
        else settings[f.key] = n;
      } else settings[f.key] = text;
    }
  }
  return { settings, fieldErrors };
}

/** The first error for a settings field from an action's field errors (paths may go deeper). */
export function settingsFieldError(fieldErrors: Record<string, string> | undefined, key: string): string | undefined {
  if (!fieldErrors) return undefined;
  const exact = fieldErrors[`settings.${key}`];
  if (exact) return exact;
  const nested = Object.entries(fieldErrors).find(([k]) => k.startsWith(`settings.${key}.`));
  return nested?.[1];
}
