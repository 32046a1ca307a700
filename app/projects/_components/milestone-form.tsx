'use client';

import { type ReactNode, useState } from 'react';
import { Button, Field, FormSummary, Input } from '@/app/_components/ui';
import type { Milestone } from '@/db/schema/projects';
import { createMilestone } from '@/lib/actions/create-milestone';
import { deleteMilestone } from '@/lib/actions/delete-milestone';
import { updateMilestone } from '@/lib/actions/update-milestone';
import { useServerAction } from './use-server-action';

type Props = { projectId: string; milestone?: Milestone; onDone?: () => void };

/** Create a milestone, or edit one when `milestone` is given. */
export function MilestoneForm({ projectId, milestone, onDone }: Props) {
  const [title, setTitle] = useState(milestone?.title ?? '');
  const [dueDate, setDueDate] = useState(milestone?.dueDate ?? '');
  const finish = () => {
    if (!milestone) { setTitle(''); setDueDate(''); }
    onDone?.();
  };
  const create = useServerAction(createMilestone, { onSuccess: finish });
  const update = useServerAction(updateMilestone, { onSuccess: finish });
  const action = milestone ? update : create;
  const id = (name: string) => `milestone-${milestone?.id ?? 'new'}-${name}`;
  return (
    <form
      className="space-y-2"
      data-testid={milestone ? 'edit-milestone-form' : 'new-milestone-form'}
      onSubmit={(e) => {
        e.preventDefault();
        if (milestone) update.run({ projectId, milestoneId: milestone.id, title, dueDate });
        else create.run({ projectId, title, dueDate });
      }}
    >
      <div className="space-y-2">
        <Field label="Name" htmlFor={id('title')} error={action.fieldError('title')}>
          <Input id={id('title')} value={title} onChange={(e) => setTitle(e.target.value)} maxLength={200} placeholder="e.g. Beta launch" />
        </Field>
        <Field label="Target date" htmlFor={id('due')} error={action.fieldError('dueDate')}>
          <Input id={id('due')} type="date" value={dueDate} onChange={(e) => setDueDate(e.target.value)} />
        </Field>
      </div>
      <FormSummary error={action.error} />
      <div className="flex flex-wrap justify-end gap-2">
        {milestone && <DeleteMilestoneButton projectId={projectId} milestone={milestone} />}
        {milestone && (
          <Button variant="ghost" onClick={onDone}>
            Cancel
          </Button>
        )}
        <Button type="submit" variant={milestone ? 'primary' : 'secondary'} disabled={action.pending}>
          {milestone ? 'Save milestone' : 'Add milestone'}
        </Button>
      </div>
    </form>
  );
}

/** A milestone row's "Edit" toggle that swaps the row for the edit form. */
export function EditableMilestone({ projectId, milestone, children }: { projectId: string; milestone: Milestone; children: ReactNode }) {
  const [editing, setEditing] = useState(false);
  if (editing) return <MilestoneForm projectId={projectId} milestone={milestone} onDone={() => setEditing(false)} />;
  return (
    <div className="flex items-start justify-between gap-2">
      <div className="min-w-0 flex-1">{children}</div>
      <Button variant="ghost" className="shrink-0 px-2 py-1 text-xs" onClick={() => setEditing(true)} aria-label={`Edit milestone ${milestone.title}`}>
        Edit
      </Button>
    </div>
  );
}

/** Deletes the milestone after a confirm; its tasks stay, without a milestone. */
function DeleteMilestoneButton({ projectId, milestone }: { projectId: string; milestone: Milestone }) {
  const del = useServerAction(deleteMilestone);
  return (
    <Button
      variant="ghost"
      className="mr-auto text-red-700"
      disabled={del.pending}
      onClick={() => {
        if (window.confirm(`Delete the milestone "${milestone.title}"? Its tasks stay, without a milestone.`)) del.run({ projectId, milestoneId: milestone.id });
      }}
    >
      Delete
    </Button>
  );
}
