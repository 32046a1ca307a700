'use server';

import { AppError, UserFacingError } from '@/lib/errors';
import { loadConnection } from '@/lib/integrations/connection';
import { getProviderCore } from '@/lib/integrations/registry';
import type { ExternalIdOptions } from '@/lib/integrations/types';
import { z } from 'zod';
import { integrationRefSchema } from './integration-schemas';
import { loadIntegrationOr404 } from './load-integration';
import { authedAction } from './safe-action';

/** `accessToken`: the token typed into the form and not saved yet (the picker works before the first save). */
const listOptionsSchema = integrationRefSchema.extend({ accessToken: z.string().trim().max(4096, 'is too long').optional() });

// Owner: the resources the credentials can use (the Slack channel picker); nothing is saved.
export const listExternalIdOptions = authedAction('owner', listOptionsSchema, async ({ db }, input): Promise<ExternalIdOptions> => {
  const integration = await loadIntegrationOr404(db, input);
  const list = getProviderCore(integration.provider.providerType).externalId.listOptions;
  if (!list) throw new AppError('bad_request', 'This integration has no picker: type the id.');
  const typed = input.accessToken || null;
  if (!typed && !integration.accessToken) throw new AppError('bad_request', 'Enter the token first, then load the list.', 'accessToken');
  try {
    const connection = await loadConnection(integration);
    return await list(typed ? { ...connection, accessToken: async () => typed } : connection);
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new AppError('unavailable', err instanceof UserFacingError ? err.message : 'The list could not be loaded; try again.');
  }
});
