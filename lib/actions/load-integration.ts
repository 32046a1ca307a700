import type { DbOrTx } from '@/db/client';
import { getProjectIntegration, type IntegrationWithProvider } from '@/db/queries/integrations';
import { AppError } from '@/lib/errors';

/** The integration an action names, scoped to the project the caller's role was checked on. */
export async function loadIntegrationOr404(
  db: DbOrTx,
  input: { projectId: string; integrationId: string },
): Promise<IntegrationWithProvider> {
  const integration = await getProjectIntegration(db, input.projectId, input.integrationId);
  if (!integration) throw new AppError('not_found', 'Integration not found.');
  return integration;
}
