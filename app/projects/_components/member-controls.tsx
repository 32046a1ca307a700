'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Button, Field, Input } from '@/app/_components/ui';
import { addMember } from '@/lib/actions/add-member';
import { changeMemberRole } from '@/lib/actions/change-member-role';
import { removeMember } from '@/lib/actions/remove-member';
import { useServerAction } from './use-server-action';

/** Owner-only: add someone by email (they get access at their first sign-in if new). */
export function AddMemberForm({ projectId }: { projectId: string }) {
  const [email, setEmail] = useState('');
  const action = useServerAction(addMember, { onSuccess: () => setEmail('') });
  const error = action.fieldError('email') ?? action.formError;
  return (
    <form
      className="space-y-2"
      data-testid="add-member-form"
      onSubmit={(e) => {
        e.preventDefault();
        action.run({ projectId, email });
      }}
    >
      <Field label="Member email" htmlFor="member-email" error={error}>
        <div className="flex gap-2">
          <Input
            id="member-email"
            type="email"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            placeholder="name@example.com"
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? 'member-email-error' : undefined}
          />
          <Button type="submit" disabled={action.pending} className="shrink-0">
            {action.pending ? 'Adding…' : 'Add member'}
          </Button>
        </div>
      </Field>
    </form>
  );
}

/** Owner-only remove button with a confirm step; the server refuses to remove the last owner. */
export function RemoveMemberButton(props: { projectId: string; userId: string; label: string; self: boolean }) {
  const { projectId, userId, label, self } = props;
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  // Removing yourself ends your access: leave for the project list instead of refreshing into a 404.
  const action = useServerAction(removeMember, self ? { refresh: false, onSuccess: () => router.push('/projects') } : {});
  const message = action.fieldError('userId') ?? action.formError;
  return (
    <div className="flex shrink-0 flex-col items-end gap-1">
      {confirming ? (
        <div className="flex gap-1">
          <Button variant="ghost" className="px-2 py-1 text-xs" onClick={() => setConfirming(false)} disabled={action.pending}>
            Cancel
          </Button>
          <Button variant="danger" className="px-2 py-1 text-xs" onClick={() => action.run({ projectId, userId })} disabled={action.pending} aria-label={`Confirm removing ${label}`}>
            {action.pending ? 'Removing…' : 'Confirm'}
          </Button>
        </div>
      ) : (
        <Button variant="ghost" className="px-2 py-1 text-xs text-red-700 hover:bg-red-50" onClick={() => { action.reset(); setConfirming(true); }} aria-label={`Remove ${label}`}>
          Remove
        </Button>
      )}
      {message && (
        <p role="alert" className="max-w-56 text-right text-xs text-red-700">
          {message}
        </p>
      )}
    </div>
  );
}

/** Owner-only: owner ↔ member. The server refuses to demote the last owner and says why here. */
export function RoleSelect(props: { projectId: string; userId: string; label: string; role: 'owner' | 'member' }) {
  const { projectId, userId, label, role } = props;
  const action = useServerAction(changeMemberRole);
  const message = action.fieldError('role') ?? action.fieldError('userId') ?? action.formError;
  const id = `role-${userId}`;
  return (
    <div className="flex shrink-0 flex-col items-end gap-1">
      <label htmlFor={id} className="sr-only">
        Role of {label}
      </label>
      <select
        id={id}
        value={role}
        disabled={action.pending}
        aria-invalid={message ? true : undefined}
        aria-describedby={message ? `${id}-error` : undefined}
        onChange={(e) => action.run({ projectId, userId, role: e.target.value as 'owner' | 'member' })}
        className="rounded-md border border-slate-300 bg-white px-2 py-1 text-xs aria-[invalid=true]:border-red-600"
      >
        <option value="owner">Owner</option>
        <option value="member">Member</option>
      </select>
      {message && (
        <p id={`${id}-error`} role="alert" className="max-w-56 text-right text-xs text-red-700">
          {message}
        </p>
      )}
    </div>
  );
}
