import { notFound } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { getProjectIntegration } from '@/db/queries/integrations';
import { type ProjectAccess, requireProjectAccess } from '@/lib/auth/project-access';
import { getProviderCore } from '@/lib/integrations/registry';

export type IntegrationPageParams = Promise<{ projectId: string; integrationId: string }>;

/**
 * For the per-integration pages: role check first (404/403), then the integration in that
 * project. `page` is the tab's path segment ('configure/', '' for the integration itself), so
 * a signed-out visitor comes back to the same page after signing in.
 */
export async function loadPageIntegration(params: IntegrationPageParams, need: 'member' | 'owner', page: string) {
  const { projectId, integrationId } = await params;
  const returnTo = `${integrationPath(encodeURIComponent(projectId), encodeURIComponent(integrationId))}${page}`;
  const access: ProjectAccess = await requireProjectAccess(projectId, need, returnTo);
  if (!z.uuid().safeParse(integrationId).success) notFound();
  const integration = await getProjectIntegration(getDb(), projectId, integrationId);
  if (!integration) notFound();
  const provider = getProviderCore(integration.provider.providerType);
  return { access, integration, provider, base: integrationPath(projectId, integrationId) };
}

/** Trailing-slash form everywhere, as in the seed's URLs. */
export const projectIntegrationsPath = (projectId: string) => `/integrations/project/${projectId}/`;
export const integrationPath = (projectId: string, integrationId: string) => `/integrations/project/${projectId}/${integrationId}/`;
