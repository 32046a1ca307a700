'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Button, Field, FormSummary, Input, Textarea } from '@/app/_components/ui';
import { deleteProject } from '@/lib/actions/delete-project';
import { updateProject } from '@/lib/actions/update-project';
import { useServerAction } from './use-server-action';

/** Owner: rename the project and edit its description. */
export function RenameProjectForm(props: { projectId: string; name: string; description: string }) {
  const [name, setName] = useState(props.name);
  const [description, setDescription] = useState(props.description);
  const save = useServerAction(updateProject);
  return (
    <form className="space-y-3" aria-label="Rename project" onSubmit={(e) => { e.preventDefault(); save.run({ projectId: props.projectId, name, description }); }}>
      <Field label="Project name" htmlFor="project-name" error={save.fieldError('name')}>
        <Input id="project-name" value={name} onChange={(e) => setName(e.target.value)} maxLength={100} />
      </Field>
      <Field label="Description" htmlFor="project-description" error={save.fieldError('description')}>
        <Textarea id="project-description" rows={2} value={description} onChange={(e) => setDescription(e.target.value)} />
      </Field>
      <FormSummary error={save.error} />
      <div className="flex items-center justify-end gap-3">
        {save.succeeded && !save.pending && <span role="status" className="text-sm text-emerald-700">Saved</span>}
        <Button type="submit" disabled={save.pending}>{save.pending ? 'Saving…' : 'Save'}</Button>
      </div>
    </form>
  );
}

/** Owner: delete the project after typing its name. */
export function DeleteProjectForm({ projectId, name }: { projectId: string; name: string }) {
  const [typed, setTyped] = useState('');
  const router = useRouter();
  const del = useServerAction(deleteProject, { refresh: false, onSuccess: () => router.push('/projects') });
  return (
    <form className="mt-4 space-y-3" aria-label="Delete project" onSubmit={(e) => { e.preventDefault(); del.run({ projectId, confirmName: typed }); }}>
      <Field label={`Type the project name (${name}) to confirm`} htmlFor="confirm-name" error={del.fieldError('confirmName')}>
        <Input id="confirm-name" value={typed} onChange={(e) => setTyped(e.target.value)} autoComplete="off" />
      </Field>
      <FormSummary error={del.error} />
      <div className="flex justify-end">
        <Button type="submit" variant="danger" disabled={del.pending || typed.trim() !== name}>
          {del.pending ? 'Deleting…' : 'Delete project'}
        </Button>
      </div>
    </form>
  );
}
