'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Button, Field, Input } from '@/app/_components/ui';
import { addMember } from '@/lib/actions/add-member';
import { removeMember } from '@/lib/actions/remove-member';
import { useServerAction } from './use-server-action';

/** Owner-only: add someone by email (they get access at their first sign-in if new). */
export function AddMemberForm({ projectId }: { projectId: string }) {
  const [email, setEmail] = useState('');
  const action = useServerAction(addMember, { onSuccess: () => setEmail('') });
  return (
    <form
      className="space-y-2"
      data-testid="add-member-form"
      onSubmit={(e) => {
        e.preventDefault();
        action.run({ projectId, email });
      }}
    >
      <Field label="Member email" htmlFor="member-email" error={action.fieldError('email') ?? action.formError}>
        <div className="flex gap-2">
          <Input id="member-email" type="email" value={email} onChange={(e) => setEmail(e.target.value)} placeholder="name@example.com" />
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
        <p role="alert" className="max-w-56 text-right text-xs text-red-600">
          {message}
        </p>
      )}
    </div>
  );
}
