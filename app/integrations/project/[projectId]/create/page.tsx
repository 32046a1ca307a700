import type { Metadata } from 'next';
import { PageHeader } from '@/app/_components/ui';
import { requireProjectAccess } from '@/lib/auth/project-access';
import { allProviders } from '@/lib/integrations/registry';
import { projectIntegrationsPath } from '../_components/load-page-integration';
import { ProviderPicker } from './provider-picker';

export const metadata: Metadata = { title: 'Add integration' };

// GET /integrations/project/:projectId/create/ — owner picks one of the five providers.
export default async function CreateIntegrationPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const { project } = await requireProjectAccess(projectId, 'owner', `${projectIntegrationsPath(encodeURIComponent(projectId))}create/`);
  const choices = allProviders.map((p) => ({ id: p.id, name: p.defaults.name, description: p.defaults.description }));
  return (
    <>
      <PageHeader
        back={{ href: projectIntegrationsPath(projectId), label: `${project.name} · Integrations` }}
        title="Add integration"
        subtitle="Pick a service. You set its token, target and schedule on the next page."
      />
      <ProviderPicker projectId={projectId} providers={choices} />
    </>
  );
}
