import { Card } from '@/app/_components/ui';
import { getDb } from '@/db/client';
import { listTaskExternalLinks } from '@/db/queries/tasks';

/** The task's counterparts in the project's integrations (one row per external_task_mappings row). */
export async function TaskIntegrations({ projectId, taskId }: { projectId: string; taskId: string }) {
  const links = await listTaskExternalLinks(getDb(), projectId, taskId);
  return (
    <Card aria-labelledby="task-integrations-heading" data-testid="task-integrations">
      <h2 id="task-integrations-heading" className="text-base font-semibold">
        Linked items
      </h2>
      {links.length === 0 ? (
        <p className="mt-2 text-sm text-slate-500">Not linked to any integration yet.</p>
      ) : (
        <ul className="mt-3 divide-y divide-slate-100">
          {links.map((l) => {
            const key = l.externalKey ?? l.externalId;
            return (
              <li key={l.id} data-testid="external-link-row" className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1 py-2">
                <span className="min-w-0 text-sm">
                  {l.externalUrl ? (
                    <a href={l.externalUrl} target="_blank" rel="noreferrer noopener" className="font-medium text-indigo-700 hover:underline">
                      {key}
                    </a>
                  ) : (
                    <span className="font-medium">{key}</span>
                  )}
                  {l.externalName && <span className="text-slate-500"> · {l.externalName}</span>}
                </span>
                <span className="text-xs text-slate-500">{l.providerName}</span>
              </li>
            );
          })}
        </ul>
      )}
    </Card>
  );
}
