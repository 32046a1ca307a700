'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Button, Field, FormSummary, Input, Textarea } from '@/app/_components/ui';
import { createProject } from '@/lib/actions/create-project';
import { useServerAction } from './use-server-action';

/** Name + description; on success goes straight to the new project. */
export function NewProjectForm() {
  const router = useRouter();
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const action = useServerAction(createProject, {
    refresh: false,
    onSuccess: (project) => router.push(`/projects/${project.id}`),
  });
  return (
    <form
      className="space-y-4"
      data-testid="new-project-form"
      onSubmit={(e) => {
        e.preventDefault();
        action.run({ name, description });
      }}
    >
      <Field label="Project name" htmlFor="project-name" error={action.fieldError('name')}>
        <Input id="project-name" value={name} onChange={(e) => setName(e.target.value)} maxLength={100} autoFocus />
      </Field>
      <Field label="Description" htmlFor="project-description" error={action.fieldError('description')} hint="Optional.">
        <Textarea id="project-description" rows={3} value={description} onChange={(e) => setDescription(e.target.value)} />
      </Field>
      <FormSummary error={action.error} />
      <div className="flex justify-end gap-2">
        <Button type="submit" disabled={action.pending || action.succeeded}>
          {action.pending ? 'Creating…' : 'Create project'}
        </Button>
      </div>
    </form>
  );
}
