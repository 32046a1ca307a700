'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { Button } from '@/app/_components/ui';
import { exportTaskToIntegration } from '@/lib/actions/export-task-to-integration';

/** "Create GitHub issue" (or the provider's item): creates it, then the page shows the link. */
export function CreateIssueButton(props: { projectId: string; taskId: string; integrationId: string; label: string }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="space-y-1">
      <Button
        type="button"
        variant="secondary"
        disabled={pending}
        data-testid="create-external-item"
        onClick={() =>
          start(async () => {
            setError(null);
            const r = await exportTaskToIntegration({ projectId: props.projectId, taskId: props.taskId, integrationId: props.integrationId });
            if (!r.ok) setError(r.error.message);
            else router.refresh();
          })
        }
      >
        {pending ? 'Creating…' : props.label}
      </Button>
      {error && <p role="alert" className="text-xs text-red-700">{error}</p>}
    </div>
  );
}
