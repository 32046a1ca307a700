'use client';

import { useState, useTransition } from 'react';
import { Alert, Button, Card, Field, Input } from '@/app/_components/ui';
import { revealWebhookSecret } from '@/lib/actions/reveal-webhook-secret';
import { rotateWebhookSecret } from '@/lib/actions/rotate-webhook-secret';
import { setWebhookSecret } from '@/lib/actions/set-webhook-secret';

/** `registered`: Taskbridge put the hook (or subscription) in place itself, so the manual steps are folded away. */
type Props = { projectId: string; integrationId: string; providerName: string; webhookUrl: string; help: string; registered: boolean };

/**
 * Webhook URL and secret. The secret is never in the page: "Reveal secret" fetches it through an
 * owner-only action; "Rotate secret" asks for confirmation first; a provider-issued secret
 * (Slack's signing secret) can be pasted in.
 */
export function WebhookSection({ projectId, integrationId, providerName, webhookUrl, help, registered }: Props) {
  const [showSteps, setShowSteps] = useState(!registered);
  const ref = { projectId, integrationId };
  const [pending, startTransition] = useTransition();
  const [secret, setSecret] = useState<string | null>(null);
  const [confirmRotate, setConfirmRotate] = useState(false);
  const [urlToken, setUrlToken] = useState<string | null>(null);
  const [custom, setCustom] = useState('');
  const [customError, setCustomError] = useState<string | undefined>();
  const [customSaved, setCustomSaved] = useState(false);
  const [message, setMessage] = useState<{ tone: 'red' | 'green'; text: string } | null>(null);

  const run = (fn: () => Promise<void>) => startTransition(fn);
  const reveal = () =>
    run(async () => {
      const r = await revealWebhookSecret(ref);
      if (r.ok) {
        setSecret(r.data.secret);
        setUrlToken(r.data.urlToken);
      }
      else setMessage({ tone: 'red', text: r.error.message });
    });
  const rotate = () =>
    run(async () => {
      const r = await rotateWebhookSecret(ref);
      setConfirmRotate(false);
      setSecret(null);
      setCustomSaved(false); // a stale "Secret saved" would now be wrong
      setMessage(r.ok ? { tone: 'green', text: `Secret rotated. Update it at ${providerName}: deliveries signed with the old one are now rejected.` } : { tone: 'red', text: r.error.message });
    });
  const saveCustom = () =>
    run(async () => {
      const r = await setWebhookSecret({ ...ref, secret: custom });
      setCustomSaved(r.ok);
      if (!r.ok) {
        setCustomError(r.error.fieldErrors?.secret ?? r.error.message);
        return;
      }
      setCustom('');
      setCustomError(undefined);
      setSecret(null);
      setMessage(null);
    });

  return (
    <Card className="space-y-4">
      <h2 className="font-semibold">Webhook</h2>
      {registered && (
        <div className="flex flex-wrap items-center justify-between gap-2" data-testid="webhook-registered">
          <p className="text-sm text-emerald-800">Registered at {providerName} by Taskbridge: live updates need no manual steps.</p>
          <Button variant="ghost" className="px-2 py-1 text-xs" aria-expanded={showSteps} onClick={() => setShowSteps((v) => !v)}>
            {showSteps ? 'Hide the manual steps' : 'Show anyway'}
          </Button>
        </div>
      )}
      {showSteps && <p className="text-sm text-slate-600" data-testid="webhook-steps">{help}</p>}
      <div className="space-y-1">
        <p className="text-sm font-medium text-slate-700">Webhook URL</p>
        <code data-testid="webhook-url" className="block break-all rounded-md bg-slate-100 px-3 py-2 font-mono text-xs text-slate-800">
          {webhookUrl}
        </code>
      </div>
      <div className="space-y-2">
        <p className="text-sm font-medium text-slate-700">Secret</p>
        {secret ? (
          <code data-testid="webhook-secret" className="block break-all rounded-md bg-amber-50 px-3 py-2 font-mono text-xs text-slate-900 ring-1 ring-amber-200">
            {secret}
          </code>
        ) : (
          <p className="rounded-md bg-slate-100 px-3 py-2 font-mono text-xs text-slate-500" aria-label="Secret hidden">••••••••••••••••</p>
        )}
        <div className="flex flex-wrap gap-2">
          {secret ? (
            <>
              <Button variant="secondary" onClick={() => setSecret(null)}>Hide secret</Button>
              <Button variant="secondary" onClick={() => void navigator.clipboard?.writeText(secret)}>Copy</Button>
            </>
          ) : (
            <Button variant="secondary" disabled={pending} onClick={reveal}>Reveal secret</Button>
          )}
          {!confirmRotate && (
            <Button variant="secondary" disabled={pending} onClick={() => setConfirmRotate(true)}>Rotate secret</Button>
          )}
        </div>
        {confirmRotate && (
          <div className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
            <p>A new secret replaces the current one at once; {providerName} deliveries fail until you paste it there.</p>
            <div className="mt-2 flex flex-wrap gap-2">
              <Button variant="danger" disabled={pending} onClick={rotate}>Yes, rotate secret</Button>
              <Button variant="secondary" onClick={() => setConfirmRotate(false)}>Cancel</Button>
            </div>
          </div>
        )}
        {secret && urlToken && (
          <div className="space-y-1">
            <p className="text-sm font-medium text-slate-700">URL for unsigned deliveries</p>
            <code data-testid="webhook-unsigned-url" className="block break-all rounded-md bg-amber-50 px-3 py-2 font-mono text-xs text-slate-900 ring-1 ring-amber-200">
              {`${webhookUrl}?token=${urlToken}`}
            </code>
            <p className="text-xs text-slate-500">Accepted only when unsigned webhooks are allowed in the settings. Prefer the secret: it signs each delivery.</p>
          </div>
        )}
        {message && <Alert tone={message.tone}>{message.text}</Alert>}
      </div>
      <details className="text-sm">
        <summary className="cursor-pointer text-slate-600">Use a secret issued by {providerName}</summary>
        <div className="mt-3 flex flex-col gap-2 sm:flex-row sm:items-start">
          <div className="flex-1">
            <Field label="Provider-issued secret" htmlFor="customSecret" error={customError}>
              <Input id="customSecret" type="password" autoComplete="off" value={custom} onChange={(e) => { setCustom(e.target.value); setCustomSaved(false); }} />
            </Field>
          </div>
          <Button variant="secondary" className="sm:mt-6" disabled={pending || !custom} onClick={saveCustom}>Save secret</Button>
        </div>
        {/* The outcome sits by the button that caused it. */}
        {customSaved && <p role="status" className="mt-2 text-sm text-emerald-800" data-testid="custom-secret-saved">Secret saved. Deliveries are now checked against it.</p>}
      </details>
    </Card>
  );
}
