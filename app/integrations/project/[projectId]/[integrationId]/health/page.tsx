import type { Metadata } from 'next';
import { Card, PageHeader } from '@/app/_components/ui';
import { getDb } from '@/db/client';
import { healthCharts } from '@/db/queries/health';
import { healthFigures } from '@/db/queries/health-figures';
import { HealthCharts } from '../../_components/health/health-charts';
import { HealthFigureList } from '../../_components/health/health-figures';
import { LiveBackfill } from '../../_components/health/live-backfill';
import { parseRange, RangeLinks } from '../../_components/health/range-links';
import { IntegrationTabs } from '../../_components/integration-tabs';
import { type IntegrationPageParams, loadPageIntegration, projectIntegrationsPath } from '../../_components/load-page-integration';

export const metadata: Metadata = { title: 'Integration health' };

// GET /integrations/project/:projectId/:integrationId/health/?range=24h|7d|30d — members.
export default async function IntegrationHealthPage({ params, searchParams }: { params: IntegrationPageParams; searchParams: Promise<{ range?: string }> }) {
  const { access, integration, provider, base } = await loadPageIntegration(params, 'member', 'health/');
  const range = parseRange((await searchParams).range);
  const db = getDb();
  const [charts, figures] = await Promise.all([healthCharts(db, [integration.id], range), healthFigures(db, [integration.id])]);
  const expectedTotal = Number((integration.syncCursor as { expectedTotal?: unknown } | null)?.expectedTotal) || null;
  return (
    <>
      <PageHeader
        back={{ href: projectIntegrationsPath(integration.projectId), label: `${access.project.name} · Integrations` }}
        title={`${provider.defaults.name} health`}
        subtitle={integration.externalId ?? 'Not configured yet'}
        actions={<RangeLinks base={`${base}health/`} current={range} />}
      />
      <IntegrationTabs base={base} role={access.role} current="health" providerType={provider.id} />
      <div className="space-y-4">
        <LiveBackfill projectId={integration.projectId} integrationId={integration.id} expectedTotal={expectedTotal} />
        <Card aria-label="At a glance">
          <HealthFigureList figures={figures.get(integration.id)!} conflictsHref={`${projectIntegrationsPath(integration.projectId)}conflicts/`} />
        </Card>
        <HealthCharts data={charts} />
      </div>
    </>
  );
}
