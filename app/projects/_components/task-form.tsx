'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { asSentence, Button, Field, FormSummary, Input, Select, Textarea } from '@/app/_components/ui';
import type { Task, TaskPriority, TaskStatus } from '@/db/schema/tasks';
import { createTask } from '@/lib/actions/create-task';
import { updateTask } from '@/lib/actions/update-task';
import { memberName, type MemberOption, type MilestoneOption, priorityOptions, statusOptions } from './task-options';
import { useServerAction } from './use-server-action';

type Values = {
  title: string;
  description: string;
  status: TaskStatus;
  priority: TaskPriority;
  labels: string;
  assigneeIds: string[];
  dueDate: string;
  milestoneId: string;
};
const empty: Values = {
  title: '', description: '', status: 'todo', priority: 'medium', labels: '', assigneeIds: [], dueDate: '', milestoneId: '',
};
// Form state from a stored task (labels back to the comma-separated text the user edits).
const fromTask = (t: Task): Values => ({
  title: t.title,
  description: t.description,
  status: t.status,
  priority: t.priority,
  labels: t.labels.join(', '),
  assigneeIds: t.assigneeIds,
  dueDate: t.dueDate ?? '',
  milestoneId: t.milestoneId ?? '',
});

type Props = { projectId: string; members: MemberOption[]; milestones: MilestoneOption[]; task?: Task; afterCreate?: string };

/** The one task form: "New task" without `task`, the edit form with it. Errors show next to their field. */
export function TaskForm({ projectId, members, milestones, task, afterCreate }: Props) {
  const router = useRouter();
  const [values, setValues] = useState<Values>(task ? fromTask(task) : empty);
  const [saved, setSaved] = useState(false);
  const set = <K extends keyof Values>(key: K, value: Values[K]) => {
    setSaved(false);
    setValues((v) => ({ ...v, [key]: value }));
  };
  const create = useServerAction(createTask, {
    onSuccess: () => (afterCreate ? router.push(afterCreate) : setValues(empty)),
  });
  const update = useServerAction(updateTask, {
    onSuccess: (saved) => {
      setValues(fromTask(saved));
      setSaved(true);
    },
  });
  const action = task ? update : create;
  const id = (name: string) => `${task ? 'edit' : 'new'}-task-${name}`;

  return (
    <form
      className="space-y-4"
      data-testid={task ? 'edit-task-form' : 'new-task-form'}
      aria-label={task ? 'Edit task' : 'New task'}
      onSubmit={(e) => {
        e.preventDefault();
        if (task) update.run({ projectId, taskId: task.id, ...values });
        else create.run({ projectId, ...values });
      }}
    >
      <Field label="Title" htmlFor={id('title')} error={action.fieldError('title')}>
        <Input id={id('title')} value={values.title} onChange={(e) => set('title', e.target.value)} maxLength={200} />
      </Field>
      <Field label="Description" htmlFor={id('description')} error={action.fieldError('description')}>
        <Textarea id={id('description')} rows={3} value={values.description} onChange={(e) => set('description', e.target.value)} />
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Status" htmlFor={id('status')} error={action.fieldError('status')}>
          <Select id={id('status')} value={values.status} onChange={(e) => set('status', e.target.value as TaskStatus)}>
            {Object.entries(statusOptions).map(([value, o]) => (
              <option key={value} value={value}>{o.label}</option>
            ))}
          </Select>
        </Field>
        <Field label="Priority" htmlFor={id('priority')} error={action.fieldError('priority')}>
          <Select id={id('priority')} value={values.priority} onChange={(e) => set('priority', e.target.value as TaskPriority)}>
            {Object.entries(priorityOptions).map(([value, o]) => (
              <option key={value} value={value}>{o.label}</option>
            ))}
          </Select>
        </Field>
        <Field label="Due date" htmlFor={id('due')} error={action.fieldError('dueDate')}>
          <Input id={id('due')} type="date" value={values.dueDate} onChange={(e) => set('dueDate', e.target.value)} />
        </Field>
        <Field label="Milestone" htmlFor={id('milestone')} error={action.fieldError('milestoneId')}>
          <Select id={id('milestone')} value={values.milestoneId} onChange={(e) => set('milestoneId', e.target.value)}>
            <option value="">No milestone</option>
            {milestones.map((m) => (
              <option key={m.id} value={m.id}>{m.title}</option>
            ))}
          </Select>
        </Field>
      </div>
      <Field label="Labels" htmlFor={id('labels')} error={action.fieldError('labels')} hint="Comma-separated, e.g. bug, frontend">
        <Input id={id('labels')} value={values.labels} onChange={(e) => set('labels', e.target.value)} />
      </Field>
      <AssigneePicker
        idPrefix={id('assignee')}
        members={members}
        selected={values.assigneeIds}
        error={action.fieldError('assigneeIds')}
        onChange={(ids) => set('assigneeIds', ids)}
      />
      <FormSummary error={action.error} />
      <div className="flex items-center justify-end gap-3">
        {saved && !action.pending && <span role="status" className="text-sm text-emerald-700">Saved</span>}
        <Button type="submit" disabled={action.pending}>
          {task ? (action.pending ? 'Saving…' : 'Save task') : action.pending ? 'Creating…' : 'Create task'}
        </Button>
      </div>
    </form>
  );
}

// Assignees as a checkbox group (a group named "Assignees"; each box labelled by the member).
function AssigneePicker(props: {
  idPrefix: string;
  members: MemberOption[];
  selected: string[];
  error?: string;
  onChange: (ids: string[]) => void;
}) {
  const toggle = (userId: string, on: boolean) =>
    props.onChange(on ? [...props.selected, userId] : props.selected.filter((x) => x !== userId));
  return (
    <fieldset className="space-y-1" aria-describedby={props.error ? `${props.idPrefix}-error` : undefined}>
      <legend className="text-sm font-medium text-slate-700">Assignees</legend>
      <div className="flex flex-wrap gap-2 pt-1">
        {props.members.map((m) => {
          const checked = props.selected.includes(m.userId);
          return (
            <label
              key={m.userId}
              className={`inline-flex cursor-pointer items-center gap-1.5 rounded-full border px-3 py-1 text-sm ${
                checked ? 'border-indigo-300 bg-indigo-50 text-indigo-800' : 'border-slate-300 bg-white text-slate-700'
              }`}
            >
              <input
                type="checkbox"
                name="assigneeIds"
                value={m.userId}
                checked={checked}
                onChange={(e) => toggle(m.userId, e.target.checked)}
                className="h-3.5 w-3.5 accent-indigo-600"
              />
              {memberName(m)}
            </label>
          );
        })}
      </div>
      {props.error && (
        <p id={`${props.idPrefix}-error`} className="text-xs text-red-700" role="alert" data-field-error="assigneeIds">
          {asSentence(props.error)}
        </p>
      )}
    </fieldset>
  );
}
