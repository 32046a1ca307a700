'use client';

import { useState, useTransition } from 'react';
import { Alert, Button } from '@/app/_components/ui';
import { startOAuthConnect } from '@/lib/actions/oauth-connect';
import type { ProviderType } from '@/lib/integrations/provider-types';

/** The set-up page's fields entered so far; a new integration is created with them once the connect succeeds. */
export type SetUpFields = { externalId: string; settings: Record<string, unknown>; syncEnabled: boolean; syncIntervalSeconds: number };

/**
 * "Connect with GitHub" / "Reconnect": asks the server for a fresh single-use authorize URL
 * (owner only) and sends the browser there; the provider sends it back to the callback.
 * Without an integration id (the set-up page) nothing is created until the callback succeeds:
 * `setUp` hands over the fields entered so far (null when the form shows a mistake).
 */
export function OAuthConnectButton({
  projectId, providerType, integrationId, label, variant = 'primary', setUp, onFieldErrors,
}: {
  projectId: string;
  providerType: ProviderType;
  integrationId?: string;
  label: string;
  variant?: 'primary' | 'secondary';
  setUp?: () => SetUpFields | null;
  onFieldErrors?: (errors: Record<string, string>) => void;
}) {
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const connect = () => {
    const fields = setUp?.();
    if (setUp && !fields) return;
    startTransition(async () => {
      setError(null);
      const r = await startOAuthConnect({ projectId, providerType, ...(integrationId ? { integrationId } : fields) } as Parameters<typeof startOAuthConnect>[0]);
      if (!r.ok) {
        if (r.error.fieldErrors && onFieldErrors) onFieldErrors(r.error.fieldErrors);
        setError(r.error.fieldErrors && onFieldErrors ? 'Not connected: fix the field marked below, then connect again.' : r.error.message);
        return;
      }
      window.location.assign(r.data.url);
    });
  };
  return (
    <span className="inline-flex flex-col gap-2">
      <Button type="button" variant={variant} disabled={pending} onClick={connect}>
        {pending ? 'Redirecting…' : label}
      </Button>
      {error && <Alert>{error}</Alert>}
    </span>
  );
}
