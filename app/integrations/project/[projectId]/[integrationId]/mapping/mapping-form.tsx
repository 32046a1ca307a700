'use client';

import { useRouter } from 'next/navigation';
import { type FormEvent, useState, useTransition } from 'react';
import { Alert, Button, Card, Field, FormSummary, Select } from '@/app/_components/ui';
import type { ActionError } from '@/lib/errors';
import { saveJiraMapping } from '@/lib/actions/save-jira-mapping';

type Direction = 'both' | 'import' | 'export' | 'off';
export type MappingFormProps = {
  projectId: string;
  integrationId: string;
  taskStatuses: string[];
  taskPriorities: string[];
  statuses: Array<{ id: string; name: string; category: string; byDefault: string }>;
  priorities: Array<{ id: string; name: string }>;
  issueTypes: Array<{ id: string; name: string }>;
  fields: Array<{ key: string; direction: Direction }>;
  initial: { statusMap: Record<string, string>; priorityMap: Record<string, string>; issueType: string; conflictPolicy: string; importFixVersions: boolean };
};

const fieldLabels: Record<string, string> = {
  summary: 'Title ↔ Summary', description: 'Description', status: 'Status', priority: 'Priority', labels: 'Labels',
  assignee: 'Assignee', dueDate: 'Due date',
};
const directionLabels: Record<Direction, string> = { both: 'Both ways', import: 'Jira → Taskbridge', export: 'Taskbridge → Jira', off: 'Not synced' };
const human = (s: string) => s.replace(/_/g, ' ');

/** The owner's mapping: each Jira status and priority to a task value, the issue type for new issues, and per-field directions. */
export function MappingForm(props: MappingFormProps) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [statusMap, setStatusMap] = useState<Record<string, string>>(props.initial.statusMap);
  const [priorityMap, setPriorityMap] = useState<Record<string, string>>(props.initial.priorityMap);
  const [issueType, setIssueType] = useState(props.initial.issueType);
  const [conflictPolicy, setConflictPolicy] = useState(props.initial.conflictPolicy);
  const [importFixVersions, setImportFixVersions] = useState(props.initial.importFixVersions);
  const [directions, setDirections] = useState(Object.fromEntries(props.fields.map((f) => [f.key, f.direction])));
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<ActionError | undefined>();
  // The server names fields as the settings do (statusMap.<id>, issueType …).
  const fieldError = (key: string) => error?.fieldErrors?.[key];

  const setIn = (set: typeof setStatusMap, key: string, value: string) =>
    set((m) => {
      const next = { ...m };
      if (value) next[key] = value;
      else delete next[key];
      return next;
    });

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    startTransition(async () => {
      const r = await saveJiraMapping({
        projectId: props.projectId, integrationId: props.integrationId,
        statusMap: statusMap as never, priorityMap: priorityMap as never, issueType,
        fieldDirections: directions as never, conflictPolicy: conflictPolicy as never, importFixVersions,
      });
      setSaved(r.ok);
      setError(r.ok ? undefined : r.error);
      if (r.ok) router.refresh();
    });
  };

  return (
    <form onSubmit={submit} className="grid gap-6 lg:grid-cols-2" aria-label="Jira field mapping">
      <Card className="space-y-3">
        <h2 className="font-semibold">Statuses</h2>
        <p className="text-sm text-slate-600">Each Jira status of the project as a task status. Status changes go to Jira through a workflow transition into a status mapped here.</p>
        {props.statuses.length === 0 && <p className="text-sm text-slate-500">No statuses read from Jira yet.</p>}
        {props.statuses.map((s) => (
          <Field key={s.id} label={s.name} htmlFor={`status-${s.id}`} error={fieldError(`statusMap.${s.id}`)}>
            <Select id={`status-${s.id}`} data-testid={`status-map-${s.name}`} value={statusMap[s.id] ?? ''} onChange={(e) => setIn(setStatusMap, s.id, e.target.value)}>
              <option value="">Default: {human(s.byDefault)}</option>
              {props.taskStatuses.map((t) => <option key={t} value={t}>{human(t)}</option>)}
            </Select>
          </Field>
        ))}
      </Card>
      <div className="space-y-6">
        <Card className="space-y-3">
          <h2 className="font-semibold">Priorities</h2>
          {props.priorities.map((p) => (
            <Field key={p.id} label={p.name} htmlFor={`priority-${p.id}`} error={fieldError(`priorityMap.${p.id}`)}>
              <Select id={`priority-${p.id}`} value={priorityMap[p.id] ?? ''} onChange={(e) => setIn(setPriorityMap, p.id, e.target.value)}>
                <option value="">Default (by name)</option>
                {props.taskPriorities.map((t) => <option key={t} value={t}>{t}</option>)}
              </Select>
            </Field>
          ))}
        </Card>
        <Card className="space-y-3">
          <h2 className="font-semibold">New issues and conflicts</h2>
          <Field label="Issue type for new issues" htmlFor="issue-type" error={fieldError('issueType')}>
            <Select id="issue-type" value={issueType} onChange={(e) => setIssueType(e.target.value)}>
              {props.issueTypes.map((t) => <option key={t.id} value={t.name}>{t.name}</option>)}
            </Select>
          </Field>
          <Field label="When both sides changed a field" htmlFor="conflict-policy" error={fieldError('conflictPolicy')}>
            <Select id="conflict-policy" value={conflictPolicy} onChange={(e) => setConflictPolicy(e.target.value)}>
              <option value="newest">Newest change wins</option>
              <option value="taskbridge">Taskbridge wins</option>
              <option value="external">Jira wins</option>
              <option value="ask">Ask me (conflict inbox)</option>
            </Select>
          </Field>
        </Card>
        <Card className="space-y-3">
          <h2 className="font-semibold">Fields</h2>
          {props.fields.map((f) => (
            <Field key={f.key} label={fieldLabels[f.key] ?? f.key} htmlFor={`direction-${f.key}`} error={fieldError(`fieldDirections.${f.key}`)}>
              <Select id={`direction-${f.key}`} value={directions[f.key]} onChange={(e) => setDirections((d) => ({ ...d, [f.key]: e.target.value as Direction }))}>
                {(Object.keys(directionLabels) as Direction[]).map((d) => <option key={d} value={d}>{directionLabels[d]}</option>)}
              </Select>
            </Field>
          ))}
          <label className="flex items-center gap-2 text-sm text-slate-700">
            <input type="checkbox" checked={importFixVersions} onChange={(e) => setImportFixVersions(e.target.checked)} />
            An issue&apos;s first fix version becomes the task&apos;s milestone (Jira → Taskbridge)
          </label>
        </Card>
        <div className="flex items-center gap-3">
          <Button type="submit" disabled={pending}>{pending ? 'Saving…' : 'Save mapping'}</Button>
        </div>
        <FormSummary error={error} />
        {saved && <Alert tone="green">Mapping saved. It applies from the next sync.</Alert>}
      </div>
    </form>
  );
}
