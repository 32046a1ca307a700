'use client';

import { useState } from 'react';
import { Button, Field, FormSummary, Input } from '@/app/_components/ui';
import { updateProjectTimeZone } from '@/lib/actions/update-project-time-zone';
import { useServerAction } from './use-server-action';

/** Owner: the project's time zone (calendar events of deadlines are placed in it). */
export function ProjectTimeZoneForm(props: { projectId: string; timeZone: string }) {
  const [timeZone, setTimeZone] = useState(props.timeZone);
  const save = useServerAction(updateProjectTimeZone);
  return (
    <form className="space-y-3" aria-label="Project time zone" onSubmit={(e) => { e.preventDefault(); save.run({ projectId: props.projectId, timeZone }); }}>
      <Field label="Time zone" htmlFor="project-time-zone" error={save.fieldError('timeZone')} hint="IANA name, e.g. Europe/Berlin. Timed calendar deadlines use it, and stay right across DST.">
        <Input id="project-time-zone" value={timeZone} onChange={(e) => setTimeZone(e.target.value)} maxLength={64} list="time-zones" />
      </Field>
      <datalist id="time-zones">
        {Intl.supportedValuesOf('timeZone').map((z) => <option key={z} value={z} />)}
      </datalist>
      <FormSummary error={save.error} />
      <div className="flex items-center justify-end gap-3">
        {save.succeeded && !save.pending && <span role="status" className="text-sm text-emerald-700">Saved</span>}
        <Button type="submit" disabled={save.pending}>{save.pending ? 'Saving…' : 'Save time zone'}</Button>
      </div>
    </form>
  );
}
