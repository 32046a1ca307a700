import type { Metadata } from 'next';
import { ButtonLink, Card, EmptyState, formatDateTime, PageHeader } from '@/app/_components/ui';
import { getDb } from '@/db/client';
import { listIntegrationHealth } from '@/db/queries/integration-health';
import { listProjectIntegrations } from '@/db/queries/integrations';
import { requireProjectAccess } from '@/lib/auth/project-access';
import { getProviderCore, hasCapability, loadCapability } from '@/lib/integrations/registry';
import { integrationPath, projectIntegrationsPath } from './_components/load-page-integration';
import { ConnectionBadge, formatSchedule, SyncBadge } from './_components/status-badges';
import { OAuthConnectButton } from './_components/oauth-connect-button';
import { oauthConfigured } from '@/lib/integrations/oauth/config';

export const metadata: Metadata = { title: 'Integrations' };

// GET /integrations/project/:projectId/ — every integration of the project (members).
export default async function IntegrationsPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const { project, role } = await requireProjectAccess(projectId, 'member', projectIntegrationsPath(encodeURIComponent(projectId)));
  const integrations = await listProjectIntegrations(getDb(), projectId);
  const health = await listIntegrationHealth(getDb(), integrations.map((i) => i.id));
  const isOwner = role === 'owner';
  // OAuth (arctic, no provider SDK) loads only for the providers an owner may have to reconnect.
  const reconnectable = [...new Set(integrations.filter((i) => isOwner && i.connectionStatus === 'reconnect_needed').map((i) => i.provider.providerType))];
  const oauthOf = new Map(await Promise.all(reconnectable.map(async (t) => [t, await loadCapability(t, 'oauth')] as const)));
  return (
    <>
      <PageHeader
        back={{ href: `/projects/${projectId}`, label: project.name }}
        title="Integrations"
        subtitle="GitHub, Slack, Jira and calendars connected to this project."
        actions={
          <>
            {integrations.length > 0 && <ButtonLink href={`${projectIntegrationsPath(projectId)}health/`}>Health</ButtonLink>}
            {integrations.length > 0 && <ButtonLink href={`${projectIntegrationsPath(projectId)}conflicts/`}>Conflicts</ButtonLink>}
            {isOwner && (
              <ButtonLink href={`${projectIntegrationsPath(projectId)}create/`} variant="primary">
                Add integration
              </ButtonLink>
            )}
          </>
        }
      />
      {integrations.length === 0 ? (
        <EmptyState>
          No integrations yet.{isOwner ? ' Add one to sync tasks with GitHub, Jira, Slack or a calendar.' : ' A project owner can add one.'}
        </EmptyState>
      ) : (
        <ul className="grid gap-4 md:grid-cols-2">
          {integrations.map((i) => {
            const provider = getProviderCore(i.provider.providerType);
            const oauth = oauthOf.get(provider.id);
            const base = integrationPath(projectId, i.id);
            const h = health.get(i.id);
            // Slack and the calendars work as things happen: no sync to run, schedule or show.
            const syncs = hasCapability(provider.id, 'taskSync');
            return (
              <li key={i.id}>
                <Card data-testid="integration-row" aria-label={`${i.provider.name} ${i.externalId ?? ''}`.trim()}>
                  <div className="flex flex-wrap items-start justify-between gap-2">
                    <div className="min-w-0">
                      <h2 className="font-semibold">{i.provider.name}</h2>
                      <p className="truncate text-sm text-slate-600" title={i.externalId ?? undefined}>
                        {provider.externalId.label}:{' '}
                        {i.externalId ? <span className="font-mono">{i.externalId}</span> : <em>not set</em>}
                        {i.externalName && i.externalName !== i.externalId && <> · {i.externalName}</>}
                      </p>
                    </div>
                    <ConnectionBadge status={i.connectionStatus} />
                  </div>
                  {i.connectionStatus === 'reconnect_needed' && (
                    <p className="mt-2 rounded-md bg-amber-50 px-2 py-1 text-sm text-amber-900" data-testid="reconnect-needed">
                      Reconnect needed{i.connectionError ? <>: {i.connectionError}</> : '.'}{' '}
                      {!isOwner ? 'Ask a project owner to reconnect.' : i.authMethod === 'oauth' ? 'Use Reconnect below.' : 'Enter a new token on the configure page.'}
                    </p>
                  )}
                  {i.connectionError && i.connectionStatus !== 'reconnect_needed' && <p className="mt-2 text-xs text-red-700">{i.connectionError}</p>}
                  <dl className="mt-3 grid grid-cols-2 gap-x-4 gap-y-2 text-sm sm:grid-cols-3">
                    {syncs && (
                      <div>
                        <dt className="text-xs text-slate-600">Sync status</dt>
                        <dd><SyncBadge status={i.syncStatus} /></dd>
                      </div>
                    )}
                    <div>
                      <dt className="text-xs text-slate-600">Last success</dt>
                      <dd data-testid="last-success">{h?.lastSuccessAt ? formatDateTime(h.lastSuccessAt) : 'never'}</dd>
                    </div>
                    {syncs && (
                      <div>
                        <dt className="text-xs text-slate-600">Scheduled sync</dt>
                        <dd>{formatSchedule(i)}</dd>
                      </div>
                    )}
                  </dl>
                  {h?.lastError && (
                    <p className="mt-2 break-words text-xs text-red-700" data-testid="last-error">
                      Last error, {formatDateTime(h.lastError.at)}: {h.lastError.description}
                    </p>
                  )}
                  <div className="mt-4 flex flex-wrap gap-2 border-t border-slate-100 pt-3">
                    {isOwner && i.connectionStatus === 'reconnect_needed' && oauth && oauthConfigured(oauth) && (
                      <OAuthConnectButton projectId={projectId} integrationId={i.id} providerType={provider.id} label="Reconnect" />
                    )}
                    {isOwner && <ButtonLink href={`${base}configure/`}>Configure</ButtonLink>}
                    {syncs && <ButtonLink href={`${base}sync/`}>Sync</ButtonLink>}
                    <ButtonLink href={`${base}health/`}>Health</ButtonLink>
                    <ButtonLink href={`${base}logs/`}>Logs</ButtonLink>
                    {isOwner && (
                      <ButtonLink href={`${base}delete/`} variant="ghost" className="text-red-700 hover:bg-red-50">
                        Delete
                      </ButtonLink>
                    )}
                  </div>
                </Card>
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
