import type { Metadata } from 'next';
import { PageHeader } from '@/app/_components/ui';
import { oauthConfigured } from '@/lib/integrations/oauth/config';
import { requireProjectAccess } from '@/lib/auth/project-access';
import { allProviderCores, loadCapability } from '@/lib/integrations/registry';
import { projectIntegrationsPath } from '../_components/load-page-integration';
import { ProviderPicker } from './provider-picker';

export const metadata: Metadata = { title: 'Add integration' };

// GET /integrations/project/:projectId/create/ — owner picks one of the five providers and goes
// on to its set-up page (create/:provider/); picking creates nothing.
export default async function CreateIntegrationPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const { project } = await requireProjectAccess(projectId, 'owner', `${projectIntegrationsPath(encodeURIComponent(projectId))}create/`);
  // The OAuth modules (arctic, not the provider SDKs) tell whether one-click connect is set up.
  const choices = await Promise.all(allProviderCores.map(async (p) => ({ p, oauth: await loadCapability(p.id, 'oauth') })));
  const providers = choices.map(({ p, oauth }) => ({
    id: p.id,
    name: p.defaults.name,
    description: p.defaults.description,
    features: p.defaults.features,
    connect: oauth ? (oauthConfigured(oauth) ? `Connect with ${oauth.label} in one click, or paste a token.` : null) : null,
  }));
  return (
    <>
      <PageHeader
        back={{ href: projectIntegrationsPath(projectId), label: `${project.name} · Integrations` }}
        title="Add integration"
        subtitle="Pick a service. You connect it and set its target and schedule on the next page; nothing is added until you save there."
      />
      <ProviderPicker projectId={projectId} providers={providers} />
    </>
  );
}
