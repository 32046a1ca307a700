import type { Metadata } from 'next';
import Link from 'next/link';
import { Card, EmptyState, PageHeader } from '@/app/_components/ui';
import { getDb } from '@/db/client';
import { healthCharts } from '@/db/queries/health';
import { healthFigures } from '@/db/queries/health-figures';
import { listProjectIntegrations } from '@/db/queries/integrations';
import { requireProjectAccess } from '@/lib/auth/project-access';
import { HealthCharts } from '../_components/health/health-charts';
import { HealthFigureList } from '../_components/health/health-figures';
import { LiveBackfill } from '../_components/health/live-backfill';
import { parseRange, RangeLinks } from '../_components/health/range-links';
import { integrationPath, projectIntegrationsPath } from '../_components/load-page-integration';

export const metadata: Metadata = { title: 'Health' };

// GET /integrations/project/:projectId/health/?range=24h|7d|30d — every integration at a glance, then the charts for all of them.
export default async function ProjectHealthPage({ params, searchParams }: { params: Promise<{ projectId: string }>; searchParams: Promise<{ range?: string }> }) {
  const { projectId } = await params;
  const base = `${projectIntegrationsPath(projectId)}health/`;
  const { project } = await requireProjectAccess(projectId, 'member', `${projectIntegrationsPath(encodeURIComponent(projectId))}health/`);
  const range = parseRange((await searchParams).range);
  const db = getDb();
  const integrations = await listProjectIntegrations(db, projectId);
  const ids = integrations.map((i) => i.id);
  const [charts, figures] = await Promise.all([healthCharts(db, ids, range), healthFigures(db, ids)]);
  return (
    <>
      <PageHeader
        back={{ href: projectIntegrationsPath(projectId), label: `${project.name} · Integrations` }}
        title="Integration health"
        subtitle="Deliveries, syncs, errors and quota for every integration of the project."
        actions={<RangeLinks base={base} current={range} />}
      />
      {integrations.length === 0 ? (
        <EmptyState>No integrations yet.</EmptyState>
      ) : (
        <div className="space-y-4">
          {integrations.map((i) => (
            <Card key={i.id} aria-label={`${i.provider.name} ${i.externalId ?? ''}`.trim()} data-testid="health-integration">
              <h2 className="mb-3 flex flex-wrap items-baseline justify-between gap-2 text-base font-semibold">
                <span className="min-w-0 truncate">
                  {i.provider.name} {i.externalId && <span className="font-mono text-sm font-normal text-slate-600">{i.externalId}</span>}
                </span>
                <Link href={`${integrationPath(projectId, i.id)}health/?range=${range}`} className="text-sm font-normal text-indigo-700 hover:underline">
                  Details →
                </Link>
              </h2>
              <div className="space-y-3">
                <LiveBackfill projectId={projectId} integrationId={i.id} />
                <HealthFigureList figures={figures.get(i.id)!} conflictsHref={`${projectIntegrationsPath(projectId)}conflicts/`} />
              </div>
            </Card>
          ))}
          <h2 className="pt-2 text-lg font-semibold">All integrations</h2>
          <HealthCharts data={charts} />
        </div>
      )}
    </>
  );
}
