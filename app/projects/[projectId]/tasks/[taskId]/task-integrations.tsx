import { Badge, Card, formatDateTime } from '@/app/_components/ui';
import { getDb } from '@/db/client';
import { listTaskExternalLinks } from '@/db/queries/tasks';
import type { TaskSyncEvent } from '@/db/schema';
import { providerWith } from '@/lib/integrations/registry';
import { safeExternalUrl } from '@/lib/safe-external-url';
import { unsyncedTaskFields } from '@/lib/sync/engine/task-fields';
import { listTaskLinkStates, listTaskSyncEvents } from '@/db/queries/task-timeline';
import { listExportTargets } from '@/lib/sync/engine/export-targets';
import { CreateIssueButton } from './create-issue-button';

const eventTone: Record<TaskSyncEvent['kind'], 'gray' | 'green' | 'amber' | 'red' | 'blue'> = {
  imported: 'gray', updated: 'blue', pushed: 'green', exported: 'green', conflict: 'amber', comment: 'gray', unlinked: 'red', linked_pr: 'blue',
  event_upserted: 'green', notified: 'gray',
};

/** What caused a timeline entry: a webhook delivery, a sync run, or a change made in the app. */
function triggerOf(details: Record<string, unknown>): string | null {
  const t = details.trigger as Record<string, unknown> | undefined;
  if (!t || typeof t !== 'object') return null;
  if (typeof t.deliveryId === 'string') return `webhook delivery ${t.deliveryId.slice(0, 40)}`;
  if (typeof t.syncRunId === 'string') return `sync run ${t.syncRunId.slice(0, 8)}`;
  if (typeof t.changeId === 'string') return `change ${t.changeId.slice(0, 8)} in Taskbridge`;
  return null;
}

/** A conflicting value, short enough for the side panel. */
const show = (v: unknown) => {
  const text = Array.isArray(v) ? v.join(', ') || '(none)' : typeof v === 'string' ? v || '(empty)' : String(v ?? '—');
  return `“${text.length > 60 ? `${text.slice(0, 60)}…` : text}”`;
};

/**
 * The task's counterparts in the project's integrations: links (and whether they still
 * sync), "Create GitHub issue" where the task has none yet, and the sync timeline —
 * conflicts and how they were settled, edits sent and received, comments.
 */
export async function TaskIntegrations({ projectId, taskId }: { projectId: string; taskId: string }) {
  const db = getDb();
  const [links, states, targets, events] = await Promise.all([
    listTaskExternalLinks(db, projectId, taskId),
    listTaskLinkStates(db, projectId, taskId),
    listExportTargets(db, projectId),
    listTaskSyncEvents(db, projectId, taskId),
  ]);
  const linkedIntegrations = new Set([...states.values()].map((s) => s.integrationId));
  const exportable = targets.filter((t) => !linkedIntegrations.has(t.id));
  const conflicts = events.filter((e) => e.kind === 'conflict');
  // Only the task-sync modules of the providers this task is linked to load (their SDKs with them).
  const linkedTypes = [...new Set(links.map((l) => l.providerType))];
  const syncs = new Map(await Promise.all(linkedTypes.map(async (t) => [t, (await providerWith(t, 'taskSync'))?.taskSync] as const)));
  const providerNames = new Map(links.map((l) => [l.integrationId, l.providerName]));
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
            const state = states.get(l.id);
            const href = safeExternalUrl(l.externalUrl); // stored values predate the check too
            const sync = syncs.get(l.providerType);
            const unsynced = sync && !state?.unlinked ? unsyncedTaskFields(sync) : [];
            return (
              <li key={l.id} data-testid="external-link-row" className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1 py-2">
                <span className="min-w-0 text-sm">
                  {href ? (
                    <a href={href} target="_blank" rel="noreferrer noopener" className="font-medium text-indigo-700 hover:underline">
                      {key}
                    </a>
                  ) : (
                    <span className="font-medium">{key}</span>
                  )}
                  {l.externalName && <span className="text-slate-500"> · {l.externalName}</span>}
                  {unsynced.length > 0 && (
                    <span className="mt-1 block text-xs text-slate-500" data-testid="link-unsynced-fields">
                      Not synced with {l.providerName}: {unsynced.join(', ')}. Edits to {unsynced.length > 1 ? 'them' : 'it'} stay in Taskbridge.
                    </span>
                  )}
                  {state?.unlinked && (
                    <span className="mt-1 block text-xs text-red-700" data-testid="link-unlinked">
                      Unlinked: {state.unlinked}. The task is kept; edits no longer sync.
                    </span>
                  )}
                </span>
                <span className="text-xs text-slate-500">
                  {l.providerName}
                  {l.lastSyncedAt && ` · synced ${formatDateTime(l.lastSyncedAt)}`}
                </span>
              </li>
            );
          })}
        </ul>
      )}
      {exportable.length > 0 && (
        <div className="mt-3 flex flex-wrap gap-2">
          {exportable.map((t) => (
            <CreateIssueButton
              key={t.id}
              projectId={projectId}
              taskId={taskId}
              integrationId={t.id}
              label={`Create ${t.name} ${t.itemNoun}${t.externalId ? ` in ${t.externalId}` : ''}`}
            />
          ))}
        </div>
      )}
      {conflicts.length > 0 && (
        <p className="mt-3 rounded-md bg-amber-50 px-3 py-2 text-xs text-amber-900" data-testid="task-conflicts">
          {conflicts.length} sync conflict{conflicts.length > 1 ? 's' : ''}: both sides changed the same field. The latest: {conflicts[0]!.summary}.
        </p>
      )}
      {events.length > 0 && (
        <>
          <h3 className="mt-4 text-sm font-semibold">Sync timeline</h3>
          <ol className="mt-2 space-y-2" data-testid="sync-timeline">
            {events.map((e) => (
              <li key={e.id} className="text-xs" data-testid="sync-event" data-kind={e.kind}>
                <span className="flex items-center gap-2">
                  <Badge tone={eventTone[e.kind]}>{e.kind === 'event_upserted' ? 'calendar' : e.kind.replace('_', ' ')}</Badge>
                  <span className="text-slate-500">{formatDateTime(e.createdAt)}</span>
                </span>
                <span className="mt-0.5 block break-words text-slate-700">{e.summary}</span>
                {triggerOf(e.details) && <span className="block text-slate-500" data-testid="sync-event-trigger">via {triggerOf(e.details)}</span>}
                {e.kind === 'conflict' && (
                  <span className="mt-0.5 block break-words text-slate-500" data-testid="conflict-values">
                    Taskbridge: {show(e.details.local)} · {providerNames.get(e.integrationId) ?? 'Provider'}: {show(e.details.remote)}
                  </span>
                )}
                {e.kind === 'comment' && typeof e.details.body === 'string' && (
                  <span className="mt-0.5 block line-clamp-3 break-words text-slate-500">“{e.details.body}”</span>
                )}
              </li>
            ))}
          </ol>
        </>
      )}
    </Card>
  );
}
