import type { Metadata } from 'next';
import { Card, PageHeader } from '@/app/_components/ui';
import { loadCapability } from '@/lib/integrations/registry';
import { IntegrationTabs } from '../../_components/integration-tabs';
import { type IntegrationPageParams, loadPageIntegration, projectIntegrationsPath } from '../../_components/load-page-integration';
import { DeleteIntegrationForm } from './delete-integration-form';

export const metadata: Metadata = { title: 'Delete integration' };

// GET /integrations/project/:projectId/:integrationId/delete/ — owner confirms the removal.
export default async function DeletePage({ params }: { params: IntegrationPageParams }) {
  const { access, integration, provider, base } = await loadPageIntegration(params, 'owner', 'delete/');
  const listHref = projectIntegrationsPath(integration.projectId);
  const name = `${provider.defaults.name}${integration.externalId ? ` · ${integration.externalId}` : ''}`;
  return (
    <>
      <PageHeader back={{ href: listHref, label: `${access.project.name} · Integrations` }} title={`Delete ${provider.defaults.name}`} subtitle={integration.externalId ?? 'Not configured yet'} />
      <IntegrationTabs base={base} role={access.role} current="delete" providerType={provider.id} />
      <Card className="max-w-2xl space-y-3">
        <h2 className="font-semibold">Delete {name}?</h2>
        <ul className="list-disc space-y-1 pl-5 text-sm text-slate-700">
          <li>Its token, webhook secret, settings and schedule are removed.</li>
          <li>Its task links, webhook history and logs are removed. The tasks themselves stay in the project.</li>
          <li>{(await loadCapability(provider.id, 'connection'))?.onDelete ? `Taskbridge also tries to remove what it set up at ${provider.defaults.name}.` : `Remove the webhook at ${provider.defaults.name} yourself; later deliveries will be rejected.`}</li>
        </ul>
        <DeleteIntegrationForm projectId={integration.projectId} integrationId={integration.id} listHref={listHref} cancelHref={`${base}configure/`} />
      </Card>
    </>
  );
}
