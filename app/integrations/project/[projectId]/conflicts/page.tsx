import type { Metadata } from 'next';
import Link from 'next/link';
import { Badge, Card, EmptyState, formatDateTime, PageHeader } from '@/app/_components/ui';
import { getDb } from '@/db/client';
import { type ConflictRow, listConflicts } from '@/db/queries/conflicts';
import { listProjectIntegrations } from '@/db/queries/integrations';
import { requireProjectAccess } from '@/lib/auth/project-access';
import { projectIntegrationsPath } from '../_components/load-page-integration';
import { ConflictChoice } from './conflict-choice';

export const metadata: Metadata = { title: 'Conflicts' };

/** A held value in plain words. */
function words(v: unknown): string {
  if (v === null || v === undefined || v === '') return '(empty)';
  if (Array.isArray(v)) return v.length ? v.join(', ') : '(none)';
  if (typeof v === 'string') return v;
  return JSON.stringify(v);
}

const editable = (v: unknown) => v === null || typeof v === 'string' || Array.isArray(v);

function Values({ c, providerName }: { c: ConflictRow; providerName: string }) {
  const rows: [string, unknown, string][] = [
    ['Last agreed', c.base, 'conflict-base'],
    ['Taskbridge', c.appValue, 'conflict-app'],
    [providerName, c.providerValue, 'conflict-provider'],
  ];
  return (
    <dl className="grid gap-2 sm:grid-cols-3">
      {rows.map(([label, v, testId]) => (
        <div key={label} className="min-w-0 rounded-lg border border-slate-200 px-3 py-2" data-testid={testId}>
          <dt className="text-xs text-slate-500">{label}</dt>
          <dd className="mt-1 whitespace-pre-wrap break-words text-sm">{words(v)}</dd>
        </div>
      ))}
    </dl>
  );
}

// GET /integrations/project/:projectId/conflicts/ — fields held by the "ask me" policy, and the resolved history.
export default async function ConflictsPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const { project, role } = await requireProjectAccess(projectId, 'member', `${projectIntegrationsPath(encodeURIComponent(projectId))}conflicts/`);
  const db = getDb();
  const [open, history, integrations] = await Promise.all([
    listConflicts(db, projectId, 'open'), listConflicts(db, projectId, 'resolved', 50), listProjectIntegrations(db, projectId),
  ]);
  const names = new Map(integrations.map((i) => [i.id, i.provider.name]));
  const taskHref = (taskId: string) => `/projects/${projectId}/tasks/${taskId}`;
  return (
    <>
      <PageHeader
        back={{ href: projectIntegrationsPath(projectId), label: `${project.name} · Integrations` }}
        title="Conflicts"
        subtitle="A field edited on both sides under the “Ask me” policy is held here: neither side is overwritten until you choose."
      />
      <div className="space-y-4">
        <h2 className="text-lg font-semibold">Open ({open.length})</h2>
        {open.length === 0 && <EmptyState>No open conflicts.</EmptyState>}
        {open.map((c) => {
          const providerName = names.get(c.integrationId) ?? 'Provider';
          return (
            <Card key={c.id} className="space-y-3" data-testid="open-conflict" aria-label={`${c.field} of ${c.taskTitle}`}>
              <h3 className="flex flex-wrap items-baseline gap-2 font-semibold">
                <Badge tone="amber">{c.field}</Badge>
                <Link href={taskHref(c.taskId)} className="min-w-0 truncate text-indigo-700 hover:underline">{c.taskTitle}</Link>
                <span className="text-xs font-normal text-slate-500">{providerName} {c.integrationName} · {formatDateTime(c.updatedAt)}</span>
              </h3>
              <Values c={c} providerName={providerName} />
              {role === 'owner' ? (
                <ConflictChoice
                  projectId={projectId} conflictId={c.id} providerName={providerName}
                  initial={editable(c.appValue) ? (Array.isArray(c.appValue) ? c.appValue.join(', ') : String(c.appValue ?? '')) : ''}
                />
              ) : (
                <p className="text-sm text-slate-600">An owner of the project chooses the value.</p>
              )}
            </Card>
          );
        })}
        <h2 className="pt-2 text-lg font-semibold">History</h2>
        {history.length === 0 ? (
          <EmptyState>No resolved conflicts yet.</EmptyState>
        ) : (
          <Card>
            <ul className="divide-y divide-slate-100" data-testid="conflict-history">
              {history.map((c) => (
                <li key={c.id} className="py-2 text-sm">
                  <Badge>{c.field}</Badge>{' '}
                  <Link href={taskHref(c.taskId)} className="text-indigo-700 hover:underline">{c.taskTitle}</Link>:{' '}
                  {c.chosen === 'sync' ? 'settled by a sync (the sides agreed again)' : (
                    <>
                      {c.chosen === 'app' ? 'Taskbridge value' : c.chosen === 'provider' ? `${names.get(c.integrationId) ?? 'Provider'} value` : 'edited value'}{' '}
                      “{words(c.resolvedValue)}” applied to both sides
                    </>
                  )}
                  <span className="block text-xs text-slate-500">{formatDateTime(c.resolvedAt)}</span>
                </li>
              ))}
            </ul>
          </Card>
        )}
      </div>
    </>
  );
}
