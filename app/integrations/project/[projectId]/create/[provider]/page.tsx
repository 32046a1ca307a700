import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { Alert, Card, PageHeader } from '@/app/_components/ui';
import { getDb } from '@/db/client';
import { latestSpentSetUp } from '@/db/queries/oauth-states';
import { requireProjectAccess } from '@/lib/auth/project-access';
import { oauthConfigured } from '@/lib/integrations/oauth/config';
import { type OAuthOutcome, oauthOutcomes } from '@/lib/integrations/oauth/errors';
import { oauthOutcomeMessage } from '@/lib/integrations/oauth/messages';
import { providerTypeSchema } from '@/lib/integrations/provider-types';
import { getProviderCore, hasCapability, loadCapability } from '@/lib/integrations/registry';
import { describeSettings, settingsToForm } from '@/lib/integrations/settings-form';
import { ConfigureForm } from '../../[integrationId]/configure/configure-form';
import { projectIntegrationsPath } from '../../_components/load-page-integration';
import { OAuthNotConfigured } from '../../_components/oauth-not-configured';
import { ProviderFeaturesCard } from '../../_components/provider-features';

export const metadata: Metadata = { title: 'Set up integration' };

const tones = { success: 'green', error: 'red', info: 'blue' } as const;
/** How long after a failed connect its entries are offered again (the state's own lifetime). */
const REFILL_WINDOW_MS = 10 * 60_000;

// GET /integrations/project/:projectId/create/:provider/ — owner only. The set-up of one
// provider: nothing exists until "Save" (or a connect that comes back with a grant); "Cancel"
// and Back leave the project as it was. ?oauth=<outcome> is a connect started here that failed.
export default async function SetUpIntegrationPage({
  params, searchParams,
}: { params: Promise<{ projectId: string; provider: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { projectId, provider: slug } = await params;
  const query = await searchParams;
  const { project, user } = await requireProjectAccess(projectId, 'owner', `${projectIntegrationsPath(encodeURIComponent(projectId))}create/${encodeURIComponent(slug)}/`);
  const parsed = providerTypeSchema.safeParse(slug);
  if (!parsed.success) notFound();
  const provider = getProviderCore(parsed.data);
  const oauth = await loadCapability(provider.id, 'oauth');
  const outcome = typeof query.oauth === 'string' && oauthOutcomes.includes(query.oauth as OAuthOutcome) ? (query.oauth as OAuthOutcome) : null;
  const shown = oauth && outcome ? oauthOutcomeMessage(outcome, oauth.label, typeof query.detail === 'string' ? query.detail : null) : null;
  const fields = describeSettings(provider.settingsSchema);
  const defaults = provider.settingsSchema.parse({}) as Record<string, unknown>;
  // A connect from here that failed: the form comes back as the owner had filled it.
  const entered = outcome && outcome !== 'connected' && outcome !== 'choose_site'
    ? await latestSpentSetUp(getDb(), { userId: user.id, projectId, providerType: provider.id, since: new Date(Date.now() - REFILL_WINDOW_MS) })
    : null;
  const initial = {
    externalId: entered?.externalId ?? '',
    syncEnabled: entered?.syncEnabled ?? false,
    syncIntervalSeconds: entered?.syncIntervalSeconds ?? 300,
    settings: settingsToForm(fields, { ...defaults, ...entered?.settings }),
  };
  const pickerHref = `${projectIntegrationsPath(projectId)}create/`;
  return (
    <>
      <PageHeader
        back={{ href: pickerHref, label: 'Add integration' }}
        title={`Set up ${provider.defaults.name}`}
        subtitle={`${project.name}: nothing is added until you save${oauth ? ' or connect' : ''}.`}
      />
      {shown && (
        <div className="mb-6">
          <Alert tone={tones[shown.tone]}>{shown.text}</Alert>
        </div>
      )}
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,24rem)]">
        <ConfigureForm
          projectId={projectId}
          integrationId={null}
          providerType={provider.id}
          providerName={provider.defaults.name}
          externalIdField={{ label: provider.externalId.label, placeholder: provider.externalId.placeholder, help: provider.externalId.help }}
          tokenHint={null}
          initial={initial}
          settingsFields={fields}
          scheduled={hasCapability(provider.id, 'taskSync')}
          setUp={{ oauthLabel: oauth && oauthConfigured(oauth) ? oauth.label : null, cancelHref: projectIntegrationsPath(projectId) }}
        />
        <div className="space-y-6">
          {oauth && !oauthConfigured(oauth) && (
            <Card className="space-y-2" aria-label="Connect">
              <h2 className="font-semibold">Connect</h2>
              <OAuthNotConfigured oauth={oauth} />
            </Card>
          )}
          <ProviderFeaturesCard name={provider.defaults.name} features={provider.defaults.features} />
        </div>
      </div>
    </>
  );
}
