'use client';

import { useState, useTransition } from 'react';
import { Alert, Button, Select } from '@/app/_components/ui';
import { listExternalIdOptions } from '@/lib/actions/list-external-id-options';
import type { ExternalIdOptions } from '@/lib/integrations/types';

/** Loads what the stored token can use (Slack: channels) and fills the id field with the choice. */
export function ExternalIdPicker(props: { projectId: string; integrationId: string; hasToken: boolean; token: string; value: string; onPick: (id: string) => void }) {
  const [pending, startTransition] = useTransition();
  const [list, setList] = useState<ExternalIdOptions | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = () =>
    startTransition(async () => {
      const r = await listExternalIdOptions({ projectId: props.projectId, integrationId: props.integrationId, ...(props.token ? { accessToken: props.token } : {}) });
      if (!r.ok) {
        setError(r.error.message);
        return;
      }
      setError(null);
      setList(r.data);
    });
  return (
    <div className="space-y-2">
      <Button type="button" variant="secondary" disabled={pending || (!props.hasToken && !props.token)} onClick={load}>
        {pending ? 'Loading…' : list ? 'Reload channels' : 'Choose a channel'}
      </Button>
      {!props.hasToken && !props.token && <p className="text-xs text-slate-500">Enter the token first, then choose from the list.</p>}
      {error && <Alert tone="red">{error}</Alert>}
      {list && (
        <>
          <label htmlFor="externalIdPicker" className="sr-only">Channel</label>
          <Select id="externalIdPicker" value={props.value} onChange={(e) => props.onPick(e.target.value)}>
            <option value="">— choose —</option>
            {list.options.map((o) => (
              <option key={o.id} value={o.id} disabled={!o.usable}>
                {o.label}{o.note ? ` (${o.note})` : ''}
              </option>
            ))}
          </Select>
          {list.hint && <p className="text-xs text-slate-500">{list.hint}</p>}
        </>
      )}
    </div>
  );
}
