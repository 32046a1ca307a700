'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { Alert, Button, Select } from '@/app/_components/ui';
import { chooseOAuthSite, disconnectIntegration } from '@/lib/actions/oauth-connect';

type Ref = { projectId: string; integrationId: string };

/** Revokes at the provider where possible and deletes the tokens; settings and mappings stay. */
export function DisconnectButton({ label, ...ref }: Ref & { label: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const disconnect = () =>
    startTransition(async () => {
      const r = await disconnectIntegration(ref);
      if (!r.ok) setError(r.error.message);
      router.refresh();
    });
  return (
    <div className="pt-2">
      <Button type="button" variant="secondary" disabled={pending} onClick={disconnect}>
        {pending ? 'Disconnecting…' : `Disconnect ${label}`}
      </Button>
      {error && <Alert>{error}</Alert>}
    </div>
  );
}

/** One grant, several Atlassian sites: the one this integration uses. */
export function SitePicker({ sites, current, ...ref }: Ref & { sites: Array<{ id: string; name: string; url: string }>; current: string | null }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <label className="block space-y-1 pt-2">
      <span className="text-xs text-slate-500">Site</span>
      <Select
        aria-label="Site"
        disabled={pending}
        value={current ?? ''}
        onChange={(e) =>
          startTransition(async () => {
            const r = await chooseOAuthSite({ ...ref, siteId: e.target.value });
            setError(r.ok ? null : r.error.message);
            router.refresh();
          })
        }
      >
        <option value="" disabled>Choose a site…</option>
        {sites.map((s) => (
          <option key={s.id} value={s.id}>{s.name} ({s.url})</option>
        ))}
      </Select>
      {error && <Alert>{error}</Alert>}
    </label>
  );
}
