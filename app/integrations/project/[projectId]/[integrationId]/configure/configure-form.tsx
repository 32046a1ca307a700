'use client';

import { useRouter } from 'next/navigation';
import { type FormEvent, useState, useTransition } from 'react';
import { Alert, Button, Card, Field, Input } from '@/app/_components/ui';
import { configureIntegration } from '@/lib/actions/configure-integration';
import type { ProviderId } from '@/lib/integrations/provider-ids';
import type { ConnectionTestOutcome } from '@/lib/integrations/run-connection-test';
import { formToSettings, type SettingsField, type SettingsFormValues } from '@/lib/integrations/settings-form';
import { SettingsFields } from './settings-fields';

export type ConfigureFormProps = {
  projectId: string;
  integrationId: string;
  providerId: ProviderId;
  providerName: string;
  externalIdField: { label: string; placeholder: string; help: string };
  tokenHint: string | null;
  initial: { externalId: string; syncEnabled: boolean; syncIntervalSeconds: number; settings: SettingsFormValues };
  settingsFields: SettingsField[];
};

const testTone = { connected: 'green', error: 'red', reconnect_needed: 'amber', unavailable: 'amber' } as const;

/** The owner's configuration form; the token is write-only (never sent back to the browser). */
export function ConfigureForm(props: ConfigureFormProps) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [token, setToken] = useState('');
  const [clearToken, setClearToken] = useState(false);
  const [hint, setHint] = useState(props.tokenHint);
  const [externalId, setExternalId] = useState(props.initial.externalId);
  const [syncEnabled, setSyncEnabled] = useState(props.initial.syncEnabled);
  const [interval, setIntervalValue] = useState(String(props.initial.syncIntervalSeconds));
  const [settings, setSettings] = useState(props.initial.settings);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ tone: 'red' | 'green' | 'amber'; text: string } | null>(null);

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const test = (e.nativeEvent as SubmitEvent).submitter?.getAttribute('value') === 'test';
    const parsed = formToSettings(props.settingsFields, settings);
    if (Object.keys(parsed.fieldErrors).length > 0) {
      setFieldErrors(parsed.fieldErrors);
      setMessage({ tone: 'red', text: 'Check the highlighted fields.' });
      return;
    }
    setFieldErrors({});
    setMessage(null);
    startTransition(async () => {
      const result = await configureIntegration({
        projectId: props.projectId,
        integrationId: props.integrationId,
        providerId: props.providerId,
        accessToken: clearToken ? undefined : token,
        clearToken,
        externalId,
        settings: parsed.settings,
        syncEnabled,
        syncIntervalSeconds: Number(interval),
        test,
      } as Parameters<typeof configureIntegration>[0]);
      if (!result.ok) {
        setFieldErrors(result.error.fieldErrors ?? {});
        setMessage({ tone: 'red', text: result.error.fieldErrors ? 'Check the highlighted fields.' : result.error.message });
        return;
      }
      setFieldErrors({});
      setToken('');
      setClearToken(false);
      setHint(result.data.accessTokenHint);
      setMessage(outcomeMessage(result.data.test));
      router.refresh();
    });
  };

  return (
    <form onSubmit={submit} noValidate className="space-y-6">
      <Card className="space-y-4">
        <h2 className="font-semibold">Connection</h2>
        <Field
          label="Access token"
          htmlFor="accessToken"
          error={fieldErrors.accessToken}
          hint={hint ? 'A token is stored. Leave empty to keep it.' : 'No token stored yet.'}
        >
          <Input
            id="accessToken"
            type="password"
            autoComplete="off"
            value={token}
            disabled={clearToken}
            placeholder={hint ? (hint.startsWith('•') ? hint : `••••${hint}`) : `${props.providerName} token`}
            onChange={(e) => setToken(e.target.value)}
          />
        </Field>
        {hint && (
          <label className="flex items-center gap-2 text-sm text-slate-700">
            <input type="checkbox" className="h-4 w-4 rounded border-slate-300" checked={clearToken} onChange={(e) => setClearToken(e.target.checked)} />
            Clear token
          </label>
        )}
        <Field label={props.externalIdField.label} htmlFor="externalId" error={fieldErrors.externalId} hint={props.externalIdField.help}>
          <Input
            id="externalId"
            value={externalId}
            placeholder={props.externalIdField.placeholder}
            aria-invalid={fieldErrors.externalId ? true : undefined}
            onChange={(e) => setExternalId(e.target.value)}
          />
        </Field>
      </Card>

      {props.settingsFields.length > 0 && (
        <Card className="space-y-4">
          <h2 className="font-semibold">{props.providerName} settings</h2>
          <SettingsFields
            fields={props.settingsFields}
            values={settings}
            fieldErrors={fieldErrors}
            onChange={(key, value) => setSettings((s) => ({ ...s, [key]: value }))}
          />
        </Card>
      )}

      <Card className="space-y-4">
        <h2 className="font-semibold">Scheduled sync</h2>
        <label className="flex items-center gap-2 text-sm font-medium text-slate-700">
          <input id="syncEnabled" type="checkbox" className="h-4 w-4 rounded border-slate-300" checked={syncEnabled} onChange={(e) => setSyncEnabled(e.target.checked)} />
          Sync enabled
        </label>
        <Field label="Sync interval (seconds)" htmlFor="syncIntervalSeconds" error={fieldErrors.syncIntervalSeconds} hint="At least 60.">
          <Input
            id="syncIntervalSeconds"
            type="number"
            min={60}
            step={1}
            inputMode="numeric"
            className="max-w-40"
            value={interval}
            aria-invalid={fieldErrors.syncIntervalSeconds ? true : undefined}
            onChange={(e) => setIntervalValue(e.target.value)}
          />
        </Field>
      </Card>

      <div className="space-y-3">
        {message && <Alert tone={message.tone}>{message.text}</Alert>}
        <div className="flex flex-wrap gap-2">
          <Button type="submit" value="test" disabled={pending}>
            {pending ? 'Saving…' : 'Save & test connection'}
          </Button>
          <Button type="submit" value="save" variant="secondary" disabled={pending}>
            Save
          </Button>
        </div>
      </div>
    </form>
  );
}

// Why: every test outcome is shown as what it is; "not available" is not dressed up as success.
function outcomeMessage(test: ConnectionTestOutcome | null): { tone: 'red' | 'green' | 'amber'; text: string } {
  if (!test) return { tone: 'green', text: 'Saved.' };
  const prefix = test.status === 'connected' ? 'Saved and connected' : test.status === 'unavailable' ? 'Saved' : 'Saved, but the connection test failed';
  const label = test.status === 'reconnect_needed' ? 'error: reconnect needed — ' : '';
  return { tone: testTone[test.status], text: `${prefix}. ${label}${test.message}` };
}
