'use client';

import { asSentence, Field, Input, Select, Textarea } from '@/app/_components/ui';
import { type SettingsField, settingsFieldError, type SettingsFormValues } from '@/lib/integrations/settings-form';

type Props = {
  fields: SettingsField[];
  values: SettingsFormValues;
  onChange: (key: string, value: string | string[] | boolean) => void;
  fieldErrors?: Record<string, string>;
};

/** Renders a provider's settings from their generic field descriptions (see lib/integrations/settings-form). */
export function SettingsFields({ fields, values, onChange, fieldErrors }: Props) {
  return (
    <div className="space-y-4">
      {fields.map((f) => {
        const id = `settings-${f.key}`;
        const error = settingsFieldError(fieldErrors, f.key);
        const v = values[f.key];
        if (f.kind === 'boolean') {
          return (
            <div key={f.key}>
              <label className="flex items-center gap-2 text-sm font-medium text-slate-700">
                <input id={id} type="checkbox" className="h-4 w-4 rounded border-slate-300" checked={v === true} onChange={(e) => onChange(f.key, e.target.checked)} />
                {f.label}
              </label>
              {error && <p id={`${id}-error`} className="mt-1 text-xs text-red-700" role="alert" data-field-error={id}>{asSentence(error)}</p>}
            </div>
          );
        }
        if (f.kind === 'enum-list') {
          const selected = Array.isArray(v) ? v : [];
          return (
            <fieldset key={f.key} className="space-y-1">
              <legend className="text-sm font-medium text-slate-700">{f.label}</legend>
              <div className="flex flex-wrap gap-x-4 gap-y-1">
                {f.options.map((o) => (
                  <label key={o} className="flex items-center gap-2 text-sm text-slate-700">
                    <input
                      type="checkbox"
                      className="h-4 w-4 rounded border-slate-300"
                      checked={selected.includes(o)}
                      onChange={(e) => onChange(f.key, e.target.checked ? [...selected, o] : selected.filter((s) => s !== o))}
                    />
                    {f.optionLabels?.[o] ?? <span className="font-mono text-xs">{o}</span>}
                  </label>
                ))}
              </div>
              {error && <p id={`${id}-error`} className="text-xs text-red-700" role="alert" data-field-error={id}>{asSentence(error)}</p>}
            </fieldset>
          );
        }
        const hint = f.description ? undefined : f.kind === 'text-list' ? 'Comma-separated.' : f.kind === 'json' ? 'JSON object.' : f.optional ? 'Optional.' : undefined;
        return (
          <Field key={f.key} label={f.label} htmlFor={id} error={error} hint={f.description ?? hint}>
            {f.kind === 'enum' ? (
              <Select id={id} value={typeof v === 'string' ? v : ''} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined} onChange={(e) => onChange(f.key, e.target.value)}>
                {f.optional && <option value="">—</option>}
                {f.options.map((o) => (
                  <option key={o} value={o}>{f.optionLabels?.[o] ?? o}</option>
                ))}
              </Select>
            ) : f.kind === 'number' ? (
              <Input id={id} type="number" inputMode="numeric" min={f.min} step={f.integer ? 1 : 'any'} className="max-w-40" value={typeof v === 'string' ? v : ''} onChange={(e) => onChange(f.key, e.target.value)} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined} />
            ) : f.kind === 'json' ? (
              <Textarea id={id} rows={6} spellCheck={false} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined} className="font-mono text-xs" value={typeof v === 'string' ? v : ''} onChange={(e) => onChange(f.key, e.target.value)} />
            ) : (
              <Input id={id} type={f.kind === 'text' ? f.inputType : 'text'} value={typeof v === 'string' ? v : ''} onChange={(e) => onChange(f.key, e.target.value)} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined} />
            )}
          </Field>
        );
      })}
    </div>
  );
}
