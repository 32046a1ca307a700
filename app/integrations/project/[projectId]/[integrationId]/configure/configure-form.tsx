'use client';

import { useRouter } from 'next/navigation';
import { type FormEvent, useState, useTransition } from 'react';
import { Alert, Button, ButtonLink, Card, Field, fieldErrorSummary, Input } from '@/app/_components/ui';
import { configureIntegration } from '@/lib/actions/configure-integration';
import { createIntegration } from '@/lib/actions/create-integration';
import type { ProviderType } from '@/lib/integrations/provider-types';
import type { ConnectionTestOutcome } from '@/lib/integrations/run-connection-test';
import { formToSettings, type SettingsField, type SettingsFormValues } from '@/lib/integrations/settings-form';
import { OAuthConnectButton, type SetUpFields } from '../../_components/oauth-connect-button';
import { ExternalIdPicker } from './external-id-picker';
import { ScheduleCard } from './schedule-card';
import { SettingsFields } from './settings-fields';

export type ConfigureFormProps = {
  projectId: string;
  /** null on the set-up page: nothing exists yet, and "Save" creates the integration. */
  integrationId: string | null;
  providerType: ProviderType;
  providerName: string;
  externalIdField: { label: string; placeholder: string; help: string; pickable?: boolean };
  tokenHint: string | null;
  initial: { externalId: string; syncEnabled: boolean; syncIntervalSeconds: number; settings: SettingsFormValues };
  settingsFields: SettingsField[];
  /** The provider syncs tasks, so "check for changes on a schedule" means something (not for Slack or the calendars). */
  scheduled: boolean;
  /** Set-up page: "Connect with …" (when this server can), and where "Cancel" goes. */
  setUp?: { oauthLabel: string | null; cancelHref: string };
};

const testTone = { connected: 'green', error: 'red', reconnect_needed: 'amber', unavailable: 'amber' } as const;

/**
 * The owner's configuration form; the token is write-only (never sent back to the browser).
 * On the set-up page the same form creates the integration on "Save", or hands what was entered
 * to "Connect with …" (created once the provider says yes).
 */
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

  /** The settings as typed, or null with every mistake marked. */
  const parseSettings = () => {
    const parsed = formToSettings(props.settingsFields, settings);
    if (Object.keys(parsed.fieldErrors).length > 0) {
      setFieldErrors(parsed.fieldErrors);
      setMessage({ tone: 'red', text: fieldErrorSummary(parsed.fieldErrors) });
      return null;
    }
    setFieldErrors({});
    setMessage(null);
    return parsed.settings;
  };
  const setUpFields = (): SetUpFields | null => {
    const parsed = parseSettings();
    return parsed && { externalId, settings: parsed, syncEnabled, syncIntervalSeconds: Number(interval) };
  };
  const showErrors = (error: { message: string; fieldErrors?: Record<string, string> }) => {
    setFieldErrors(error.fieldErrors ?? {});
    setMessage({ tone: 'red', text: error.fieldErrors ? fieldErrorSummary(error.fieldErrors) : error.message });
  };

  const create = (fields: SetUpFields) =>
    startTransition(async () => {
      const result = await createIntegration({ projectId: props.projectId, providerType: props.providerType, accessToken: token, ...fields } as Parameters<typeof createIntegration>[0]);
      if (!result.ok) return showErrors(result.error);
      router.push(`/integrations/project/${props.projectId}/${result.data.integrationId}/configure/?created=1`);
    });

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const test = (e.nativeEvent as SubmitEvent).submitter?.getAttribute('value') === 'test';
    const fields = setUpFields();
    if (!fields) return;
    const integrationId = props.integrationId;
    if (!integrationId) return create(fields);
    startTransition(async () => {
      const result = await configureIntegration({
        projectId: props.projectId,
        integrationId,
        providerType: props.providerType,
        accessToken: clearToken ? undefined : token,
        clearToken,
        ...fields,
        test,
      } as Parameters<typeof configureIntegration>[0]);
      if (!result.ok) return showErrors(result.error);
      setFieldErrors({});
      setToken('');
      setClearToken(false);
      setHint(result.data.accessTokenHint);
      setExternalId(result.data.externalId ?? ''); // as stored: a pasted URL comes back as owner/repo
      setMessage(outcomeMessage(result.data.test, result.data.externalName && `${result.data.externalName} is ${result.data.externalId}`));
      router.refresh();
    });
  };

  return (
    <form onSubmit={submit} noValidate className="space-y-6">
      <Card className="space-y-4">
        <h2 className="font-semibold">Connection</h2>
        {props.setUp?.oauthLabel && (
          <div className="space-y-1">
            <OAuthConnectButton projectId={props.projectId} providerType={props.providerType} label={`Connect with ${props.setUp.oauthLabel}`} setUp={setUpFields} onFieldErrors={setFieldErrors} />
            <p className="text-sm text-slate-600">Connecting creates the integration with what is entered below. Or paste a token and save.</p>
          </div>
        )}
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
            aria-invalid={fieldErrors.accessToken ? true : undefined}
            aria-describedby={fieldErrors.accessToken ? 'accessToken-error' : undefined}
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
            aria-describedby={fieldErrors.externalId ? 'externalId-error' : undefined}
            onChange={(e) => setExternalId(e.target.value)}
          />
        </Field>
        {props.externalIdField.pickable && props.integrationId && (
          <ExternalIdPicker projectId={props.projectId} integrationId={props.integrationId} hasToken={hint != null && !clearToken} token={clearToken ? '' : token} value={externalId} onPick={setExternalId} />
        )}
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

      {props.scheduled && (
        <ScheduleCard
          syncEnabled={syncEnabled}
          interval={interval}
          storedInterval={props.initial.syncIntervalSeconds}
          error={fieldErrors.syncIntervalSeconds}
          onSyncEnabled={setSyncEnabled}
          onInterval={setIntervalValue}
        />
      )}

      <div className="space-y-3">
        {message && <Alert tone={message.tone}>{message.text}</Alert>}
        {props.setUp ? (
          <div className="flex flex-wrap gap-2">
            <Button type="submit" value="save" disabled={pending}>
              {pending ? 'Saving…' : 'Save'}
            </Button>
            <ButtonLink href={props.setUp.cancelHref}>Cancel</ButtonLink>
          </div>
        ) : (
          <div className="flex flex-wrap gap-2">
            <Button type="submit" value="test" disabled={pending}>
              {pending ? 'Saving…' : 'Save & test connection'}
            </Button>
            <Button type="submit" value="save" variant="secondary" disabled={pending}>
              Save
            </Button>
          </div>
        )}
      </div>
    </form>
  );
}

// Why: every test outcome is shown as what it is; "not available" is not dressed up as success.
// `resolved`: what a typed name became ("#general is C0123456789"), said once after the save.
function outcomeMessage(test: ConnectionTestOutcome | null, resolved: string | null): { tone: 'red' | 'green' | 'amber'; text: string } {
  const saved = resolved ? `Saved (${resolved})` : 'Saved';
  if (!test) return { tone: 'green', text: `${saved}.` };
  const prefix = test.status === 'connected' ? `${saved} and connected` : test.status === 'unavailable' ? saved : `${saved}, but the connection test failed`;
  const label = test.status === 'reconnect_needed' ? 'error: reconnect needed — ' : '';
  return { tone: testTone[test.status], text: `${prefix}. ${label}${test.message}` };
}

