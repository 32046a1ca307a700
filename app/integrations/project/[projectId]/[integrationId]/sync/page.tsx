import type { Metadata } from 'next';
import { Card, formatDateTime, PageHeader } from '@/app/_components/ui';
import { jobMode } from '@/lib/jobs/mode';
import { IntegrationTabs } from '../../_components/integration-tabs';
import { type IntegrationPageParams, loadPageIntegration, projectIntegrationsPath } from '../../_components/load-page-integration';
import { formatSchedule, SyncBadge } from '../../_components/status-badges';
import { PreviewSync } from './preview-sync';
import { SafetyHold } from './safety-hold';
import { holdMessage } from '@/lib/sync/engine/breaker';
import { openSafetyHold } from '@/lib/sync/safety-holds';
import { SyncNowButton } from './sync-now-button';
import { LiveSyncStatus } from './sync-progress';
import { getDb } from '@/db/client';
import { listUnlinkedTasks } from '@/db/queries/task-timeline';
import { hasCapability } from '@/lib/integrations/registry';
import { BulkExport } from './bulk-export';

export const metadata: Metadata = { title: 'Sync integration' };

const modeLabel = { inngest: 'the job service', 'in-process': 'this server' } as const;

// GET /integrations/project/:projectId/:integrationId/sync/ — members queue a sync now.
export default async function SyncPage({ params }: { params: IntegrationPageParams }) {
  const { access, integration, provider, base } = await loadPageIntegration(params, 'member', 'sync/');
  const active = integration.syncStatus === 'queued' || integration.syncStatus === 'syncing';
  const syncs = hasCapability(provider.id, 'taskSync');
  const canExport = Boolean(syncs && integration.externalId && integration.accessToken);
  const exportable = canExport ? await listUnlinkedTasks(getDb(), integration.projectId, integration.id) : [];
  const hold = syncs ? await openSafetyHold(getDb(), integration.id) : null;
  return (
    <>
      <PageHeader
        back={{ href: projectIntegrationsPath(integration.projectId), label: `${access.project.name} · Integrations` }}
        title={`Sync ${provider.defaults.name}`}
        subtitle={integration.externalId ?? 'Not configured yet'}
      />
      <IntegrationTabs base={base} role={access.role} current="sync" providerType={provider.id} />
      <Card className="max-w-2xl space-y-4">
        <dl className="grid grid-cols-1 gap-3 text-sm sm:grid-cols-2">
          <div>
            <dt className="text-xs text-slate-500">Sync status</dt>
            <dd data-testid="sync-status">{syncs ? <LiveSyncStatus integrationId={integration.id} initial={integration.syncStatus} /> : <SyncBadge status={integration.syncStatus} />}</dd>
          </div>
          <div>
            <dt className="text-xs text-slate-500">Last sync</dt>
            <dd>{formatDateTime(integration.lastSyncAt)}</dd>
          </div>
          <div>
            <dt className="text-xs text-slate-500">Scheduled sync</dt>
            <dd>{formatSchedule(integration)}</dd>
          </div>
          <div>
            <dt className="text-xs text-slate-500">Background jobs</dt>
            <dd data-testid="job-mode">{modeLabel[jobMode()]}</dd>
          </div>
        </dl>
        {integration.lastSyncError && (
          <div className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
            <p className="font-medium">Last error</p>
            <p className="break-words">{integration.lastSyncError}</p>
          </div>
        )}
        {hold && (
          <SafetyHold
            projectId={integration.projectId} integrationId={integration.id} holdId={hold.id} message={holdMessage(hold)}
            threshold={hold.threshold} canDecide={access.role === 'owner'}
            samples={((hold.preview as { samples?: { closes?: { key: string; title: string }[] } }).samples?.closes ?? [])}
          />
        )}
        {syncs ? (
          <SyncNowButton
            projectId={integration.projectId}
            integrationId={integration.id}
            active={active}
            configured={Boolean(integration.externalId)}
            logsHref={`${base}logs/`}
            tasksHref={`/projects/${integration.projectId}?link=linked:${integration.id}`}
          />
        ) : (
          <p className="text-sm text-slate-700">{provider.defaults.name} has no sync to run: it works as things happen (see what it does on its configure page).</p>
        )}
        {syncs && <PreviewSync projectId={integration.projectId} integrationId={integration.id} disabled={!integration.externalId} />}
      </Card>
      {canExport && (
        <Card className="mt-6 max-w-2xl space-y-3" aria-labelledby="bulk-export-heading">
          <h2 id="bulk-export-heading" className="text-base font-semibold">Export tasks to {provider.defaults.name}</h2>
          <BulkExport projectId={integration.projectId} integrationId={integration.id} providerName={provider.defaults.name} tasks={exportable} />
        </Card>
      )}
    </>
  );
}
