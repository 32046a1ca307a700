import type { Metadata } from 'next';
import { Alert, Card, PageHeader } from '@/app/_components/ui';
import { requestAppUrl } from '@/lib/request-app-url';
import { describeSettings, settingsToForm } from '@/lib/integrations/settings-form';
import { hasCapability, providerWith } from '@/lib/integrations/registry';
import { IntegrationTabs } from '../../_components/integration-tabs';
import { type IntegrationPageParams, loadPageIntegration, projectIntegrationsPath } from '../../_components/load-page-integration';
import { ConnectionBadge } from '../../_components/status-badges';
import { ConfigureForm } from './configure-form';
import { OAuthSection } from './oauth-section';
import { ProviderFeaturesCard } from '../../_components/provider-features';
import { WebhookSection } from './webhook-section';

export const metadata: Metadata = { title: 'Configure integration' };

// GET /integrations/project/:projectId/:integrationId/configure/ — owner only. ?created=1: just saved on the set-up page.
export default async function ConfigurePage({
  params, searchParams,
}: { params: IntegrationPageParams; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const query = await searchParams;
  const one = (v: string | string[] | undefined) => (typeof v === 'string' ? v : undefined);
  const { access, integration, provider, base } = await loadPageIntegration(params, 'owner', 'configure/');
  const fields = describeSettings(provider.settingsSchema);
  const webhookUrl = `${(await requestAppUrl()) ?? ''}/integrations/webhooks/${provider.id}/${integration.id}/`;
  return (
    <>
      <PageHeader
        back={{ href: projectIntegrationsPath(integration.projectId), label: `${access.project.name} · Integrations` }}
        title={`Configure ${provider.defaults.name}`}
        subtitle={integration.externalId ?? 'Not configured yet'}
      />
      <IntegrationTabs base={base} role={access.role} current="configure" providerType={provider.id} />
      {one(query.created) && (
        <div className="mb-6">
          <Alert tone="green">Added {provider.defaults.name} to {access.project.name}. Fill in what is missing, then test the connection.</Alert>
        </div>
      )}
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,24rem)]">
        <ConfigureForm
          projectId={integration.projectId}
          integrationId={integration.id}
          providerType={provider.id}
          providerName={provider.defaults.name}
          externalIdField={{
            label: provider.externalId.label,
            placeholder: provider.externalId.placeholder,
            help: provider.externalId.help,
            pickable: provider.externalId.listOptions != null,
          }}
          tokenHint={integration.accessTokenHint}
          initial={{
            externalId: integration.externalId ?? '',
            syncEnabled: integration.syncEnabled,
            syncIntervalSeconds: integration.syncIntervalSeconds,
            settings: settingsToForm(fields, integration.settings),
          }}
          settingsFields={fields}
          scheduled={hasCapability(provider.id, 'taskSync')}
        />
        <div className="space-y-6">
          <OAuthSection integration={integration} provider={await providerWith(provider.id, 'oauth')} outcome={one(query.oauth)} detail={one(query.detail)} />
          <Card className="space-y-2">
            <h2 className="font-semibold">Status</h2>
            <p className="flex items-center gap-2 text-sm">
              <span className="text-slate-600">Connection:</span>
              <span data-testid="connection-status"><ConnectionBadge status={integration.connectionStatus} /></span>
            </p>
            {integration.externalName && <p className="text-sm text-slate-600">Connected to {integration.externalName}</p>}
            {integration.connectionError && <p className="text-sm text-red-700">{integration.connectionError}</p>}
            <p className="text-xs text-slate-600">“Save &amp; test connection” checks the token and the {provider.externalId.label.toLowerCase()}.</p>
          </Card>
          <ProviderFeaturesCard name={provider.defaults.name} features={provider.defaults.features} />
          <WebhookSection
            projectId={integration.projectId}
            integrationId={integration.id}
            providerName={provider.defaults.name}
            webhookUrl={webhookUrl}
            help={provider.webhookHelp}
            registered={Boolean(integration.webhookExternalId || integration.subscriptionId)}
          />
        </div>
      </div>
    </>
  );
}
