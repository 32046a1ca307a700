'use client';

import { useState, useTransition } from 'react';
import { Alert, Button } from '@/app/_components/ui';
import { previewIntegrationSync } from '@/lib/actions/preview-integration-sync';
import type { SyncPreview } from '@/lib/sync/engine/preview';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const words = (v: unknown) => (v === null || v === undefined || v === '' ? '(empty)' : Array.isArray(v) ? (v.join(', ') || '(none)') : String(v));

/** The one-line answer: "creates 212 tasks, updates 40, closes 3, unlinks 1". */
export function previewSentence(p: Pick<SyncPreview, 'creates' | 'updates' | 'closes' | 'unlinks'>) {
  return `Creates ${plural(p.creates, 'task')}, updates ${p.updates}, closes ${p.closes}, unlinks ${p.unlinks}`;
}

function Sample({ title, items }: { title: string; items: { key: string; title: string; changes?: { field: string; from: unknown; to: unknown }[] }[] }) {
  if (items.length === 0) return null;
  return (
    <div>
      <h3 className="text-xs font-medium text-slate-500">{title}</h3>
      <ul className="mt-1 space-y-1 text-sm">
        {items.map((i) => (
          <li key={i.key} className="min-w-0 break-words">
            <span className="font-mono text-xs text-slate-600">{i.key}</span> {i.title}
            {i.changes?.map((c) => (
              <span key={c.field} className="block pl-3 text-xs text-slate-600">{c.field}: {words(c.from)} → {words(c.to)}</span>
            ))}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** "Preview sync": the engine's planning over every page, shown as counts and samples; nothing is written. */
export function PreviewSync({ projectId, integrationId, disabled }: { projectId: string; integrationId: string; disabled?: boolean }) {
  const [pending, start] = useTransition();
  const [preview, setPreview] = useState<SyncPreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const run = () =>
    start(async () => {
      setError(null);
      const r = await previewIntegrationSync({ projectId, integrationId });
      if (r.ok) setPreview(r.data);
      else setError(r.error.message);
    });
  return (
    <div className="space-y-3" data-testid="sync-preview">
      <Button variant="secondary" onClick={run} disabled={pending || disabled}>{pending ? 'Previewing…' : 'Preview sync'}</Button>
      {error && <Alert>{error}</Alert>}
      {preview && (
        <div className="space-y-2 rounded-md border border-slate-200 p-3">
          <p className="font-medium" data-testid="preview-summary">{previewSentence(preview)}.</p>
          <p className="text-xs text-slate-600">
            Nothing was written. {plural(preview.linked, 'linked task')}
            {preview.conflicts ? `, ${plural(preview.conflicts, 'conflict')}` : ''}{preview.pushes ? `, ${plural(preview.pushes, 'item')} to update on the provider` : ''}.
          </p>
          <Sample title="Creates" items={preview.samples.creates} />
          <Sample title="Updates" items={preview.samples.updates} />
          <Sample title="Closes" items={preview.samples.closes} />
          <Sample title="Unlinks" items={preview.samples.unlinks} />
        </div>
      )}
    </div>
  );
}
