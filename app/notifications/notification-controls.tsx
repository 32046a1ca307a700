'use client';

import { useState } from 'react';
import { Button } from '@/app/_components/ui';
import { useServerAction } from '@/app/projects/_components/use-server-action';
import { markRead, saveAlertChannels } from '@/lib/actions/notifications';

export function MarkReadButton({ ids, label }: { ids?: string[]; label: string }) {
  const { run, pending } = useServerAction(markRead);
  return (
    <Button variant={ids ? 'ghost' : 'secondary'} className={ids ? 'px-2 py-1 text-xs' : ''} disabled={pending} onClick={() => run({ ids })}>
      {label}
    </Button>
  );
}

/** One project's channel choices for one owner: a checkbox per channel, saved together. */
export function ChannelForm({ projectId, projectName, channels, off }: { projectId: string; projectName: string; channels: Array<{ name: string; label: string }>; off: string[] }) {
  const [state, setState] = useState(() => Object.fromEntries(channels.map((c) => [c.name, !off.includes(c.name)])));
  const { run, pending, error, succeeded } = useServerAction(saveAlertChannels);
  return (
    <form
      className="flex flex-wrap items-center gap-x-4 gap-y-2 border-t border-slate-100 py-3 first:border-t-0"
      aria-label={`Alert channels for ${projectName}`}
      onSubmit={(e) => {
        e.preventDefault();
        run({ projectId, channels: state });
      }}
    >
      <span className="w-full text-sm font-medium sm:w-48">{projectName}</span>
      {channels.map((c) => (
        <label key={c.name} className="inline-flex items-center gap-1.5 text-sm">
          <input type="checkbox" name={c.name} checked={state[c.name] ?? true} onChange={(e) => setState({ ...state, [c.name]: e.target.checked })} />
          {c.label}
        </label>
      ))}
      <Button type="submit" variant="secondary" disabled={pending}>Save</Button>
      {error && <span className="text-sm text-red-700">{error.message}</span>}
      {succeeded && !pending && <span className="text-sm text-emerald-700" role="status">Saved.</span>}
    </form>
  );
}
