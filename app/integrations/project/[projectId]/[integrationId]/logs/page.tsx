import type { Metadata } from 'next';
import { Alert, Card, EmptyState, PageHeader } from '@/app/_components/ui';
import { getDb } from '@/db/client';
import { listIntegrationLogsPage } from '@/db/queries/integration-logs';
import { listWebhookDeliveries } from '@/db/queries/webhook-deliveries';
import { countFailedDeliveries } from '@/db/queries/webhook-ingest';
import { jobMode } from '@/lib/jobs/mode';
import { IntegrationTabs } from '../../_components/integration-tabs';
import { type IntegrationPageParams, loadPageIntegration, projectIntegrationsPath } from '../../_components/load-page-integration';
import { DeliveryRow } from './delivery-row';
import { isUnfinished } from './delivery-status';
import { DeliveryStatusWatcher } from './delivery-status-watcher';
import { FilterForm } from './filter-form';
import { filterOptions, logsPageHref, parseLogFilters } from './log-filters';
import { Pager } from './pager';
import { LogRow } from './log-row';
import { ReplayDeliveryButton, ReplayFailedButton } from './replay-buttons';

export const metadata: Metadata = { title: 'Integration logs' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

// Page weight, not the database (< 1 ms per keyset page), decides the response time: a
// delivery's payload and headers are fetched only when its row is opened (DeliveryDetails).
const LOGS_PER_PAGE = 50;
const DELIVERIES_PER_PAGE = 25;

// GET /integrations/project/:projectId/:integrationId/logs/ — logs and deliveries, newest first, a page at a time (members).
export default async function LogsPage({ params, searchParams }: { params: IntegrationPageParams; searchParams: SearchParams }) {
  const { access, integration, provider, base } = await loadPageIntegration(params, 'member', 'logs/');
  const { filters, cursors, ignored } = parseLogFilters(await searchParams);
  const db = getDb();
  const [logPage, deliveryPage, failedCount] = await Promise.all([
    listIntegrationLogsPage(db, integration.id, { status: filters.logStatus, actionType: filters.logAction, limit: LOGS_PER_PAGE, before: cursors.logsBefore, after: cursors.logsAfter }),
    listWebhookDeliveries(db, integration.id, { status: filters.deliveryStatus, eventType: filters.event, limit: DELIVERIES_PER_PAGE, before: cursors.deliveriesBefore, after: cursors.deliveriesAfter }),
    countFailedDeliveries(db, integration.id),
  ]);
  const logs = logPage.rows;
  const deliveries = deliveryPage.rows;
  const ref = { projectId: integration.projectId, integrationId: integration.id };
  const logsHref = `${base}logs/`;
  const pageHref = (drop: string[]) => (set: Record<string, string>) => logsPageHref(logsHref, { filters, cursors }, drop, set);
  return (
    <>
      <PageHeader
        back={{ href: projectIntegrationsPath(integration.projectId), label: `${access.project.name} · Integrations` }}
        title={`${provider.defaults.name} logs`}
        subtitle={integration.externalId ?? 'Not configured yet'}
      />
      <IntegrationTabs base={base} role={access.role} current="logs" providerType={provider.id} />
      {ignored.length > 0 && (
        <div className="mb-4">
          <Alert tone="amber">Ignored invalid filter value{ignored.length > 1 ? 's' : ''}: {ignored.join(', ')}.</Alert>
        </div>
      )}
      <div className="space-y-6">
        <Card className="space-y-3 !p-0 sm:!p-0">
          <div className="flex flex-wrap items-end justify-between gap-3 px-4 pt-4 sm:px-5">
            <h2 className="font-semibold">Activity <span className="text-sm font-normal text-slate-500">({LOGS_PER_PAGE} a page)</span></h2>
            <FilterForm
              action={logsHref}
              keep={{ deliveryStatus: filters.deliveryStatus, event: filters.event }}
              selects={[
                { name: 'logStatus', label: 'Status', options: filterOptions.logStatus, value: filters.logStatus },
                { name: 'logAction', label: 'Action', options: filterOptions.logAction, value: filters.logAction },
              ]}
            />
          </div>
          {logs.length === 0 ? (
            <div className="px-4 pb-4 sm:px-5"><EmptyState>No log entries{filters.logStatus || filters.logAction ? ' match these filters' : ' yet'}.</EmptyState></div>
          ) : (
            <ul className="border-t border-slate-100">{logs.map((l) => <LogRow key={l.id} log={l} />)}</ul>
          )}
          <Pager href={pageHref(['logsBefore', 'logsAfter'])} page={logPage} before="logsBefore" after="logsAfter" label="Activity" />
        </Card>
        <Card className="space-y-3 !p-0 sm:!p-0">
          <div className="flex flex-wrap items-end justify-between gap-3 px-4 pt-4 sm:px-5">
            <h2 className="font-semibold">Webhook deliveries <span className="text-sm font-normal text-slate-500">({DELIVERIES_PER_PAGE} a page)</span></h2>
            <FilterForm
              action={logsHref}
              keep={{ logStatus: filters.logStatus, logAction: filters.logAction }}
              selects={[{ name: 'deliveryStatus', label: 'Status', options: filterOptions.deliveryStatus, value: filters.deliveryStatus }]}
              text={{ name: 'event', label: 'Event type', value: filters.event, placeholder: 'e.g. issues' }}
            />
          </div>
          <div className="flex flex-wrap items-center justify-between gap-3 px-4 text-xs text-slate-500 sm:px-5">
            <span data-testid="webhook-job-mode">
              Background jobs: {jobMode() === 'inngest' ? 'the job service' : 'this server'}.
            </span>
            <ReplayFailedButton {...ref} failedCount={failedCount} />
          </div>
          {deliveries.length === 0 ? (
            <div className="px-4 pb-4 sm:px-5"><EmptyState>No deliveries{filters.deliveryStatus || filters.event ? ' match these filters' : ' yet'}.</EmptyState></div>
          ) : (
            <ul className="border-t border-slate-100">
              {deliveries.map((d) => (
                <DeliveryRow
                  key={d.id}
                  delivery={d}
                  ids={ref}
                  actions={<ReplayDeliveryButton {...ref} deliveryId={d.id} row={{ status: d.status, lastAttemptAt: d.lastAttemptAt?.toISOString() ?? null, error: d.error }} />}
                />
              ))}
            </ul>
          )}
          <DeliveryStatusWatcher {...ref} unfinished={deliveries.filter((d) => isUnfinished(d.status)).map((d) => ({ id: d.id, status: d.status }))} />
          <Pager href={pageHref(['deliveriesBefore', 'deliveriesAfter'])} page={deliveryPage} before="deliveriesBefore" after="deliveriesAfter" label="Webhook deliveries" />
        </Card>
      </div>
    </>
  );
}
