'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { Alert, Button, ButtonLink } from '@/app/_components/ui';
import { deleteIntegration } from '@/lib/actions/delete-integration';

type Props = { projectId: string; integrationId: string; listHref: string; cancelHref: string };

/** The confirmation button; on success back to the integration list. */
export function DeleteIntegrationForm({ projectId, integrationId, listHref, cancelHref }: Props) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const remove = () =>
    startTransition(async () => {
      const r = await deleteIntegration({ projectId, integrationId });
      if (!r.ok) {
        setError(r.error.message);
        return;
      }
      router.push(listHref);
      router.refresh();
    });
  return (
    <div className="space-y-3 pt-2">
      {error && <Alert>{error}</Alert>}
      <div className="flex flex-wrap gap-2">
        <Button variant="danger" onClick={remove} disabled={pending}>{pending ? 'Deleting…' : 'Delete integration'}</Button>
        <ButtonLink href={cancelHref}>Cancel</ButtonLink>
      </div>
    </div>
  );
}
