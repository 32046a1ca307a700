import type { DbOrTx } from '@/db/client';
import { logAction } from '@/db/queries/integration-logs';
import { createIntegration as insertIntegration, getIntegrationById, type IntegrationWithProvider } from '@/db/queries/integrations';
import { getProviderRow } from '@/db/queries/providers';
import { isUniqueViolation } from '@/db/pg-errors';
import { AppError } from '@/lib/errors';
import type { ProviderInfo } from '@/lib/integrations/types';
import { typedTokenConnection } from './connection';
import { type ConfigFields, configUpdate } from './save-config';

/** Whether the server has the provider switched on (integration_providers.is_active). */
export async function providerIsActive(db: DbOrTx, provider: ProviderInfo): Promise<boolean> {
  return (await getProviderRow(db, provider.id))?.isActive === true;
}

/** The provider's row, refused (a field message) when the server has it switched off. */
export async function activeProviderRow(db: DbOrTx, provider: ProviderInfo) {
  const row = await getProviderRow(db, provider.id);
  if (!row || !row.isActive) throw new AppError('unavailable', `${provider.defaults.name} is not available right now.`, 'providerType');
  return row;
}

/**
 * The one place an integration comes into being: when the owner saves the set-up page, or when
 * a connect started there comes back with a grant. Everything entered is written in the one
 * insert, so a refused save (the external id already connected) leaves no row behind.
 */
export async function createConfiguredIntegration(
  db: DbOrTx,
  input: { projectId: string; provider: ProviderInfo; userId: string; fields: ConfigFields; via: 'set-up' | 'connect'; grantToken?: string | null },
): Promise<IntegrationWithProvider> {
  const row = await activeProviderRow(db, input.provider);
  const id = crypto.randomUUID();
  // As typed → as stored (Slack: #general → its channel id), with the token of this save or grant.
  const resolve = input.provider.externalId.resolve;
  const target = resolve && input.fields.externalId
    ? await resolve(
        typedTokenConnection({ integrationId: id, apiBaseUrl: row.apiBaseUrl, externalId: null, settings: input.fields.settings }, input.grantToken ?? input.fields.accessToken),
        input.fields.externalId,
      )
    : null;
  const { values, changed } = await configUpdate(id, null, { ...input.fields, externalId: target?.id ?? input.fields.externalId });
  if (target?.name) values.externalName = target.name;
  try {
    await insertIntegration(db, { id, projectId: input.projectId, providerRowId: row.id, createdBy: input.userId, settings: input.fields.settings, config: values });
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError('conflict', 'already connected in this project', 'externalId');
    throw err;
  }
  await logAction(db, {
    actionType: 'config',
    providerId: row.id,
    integrationId: id,
    description: `${input.provider.defaults.name} integration created${input.via === 'connect' ? ' by connecting' : ''}.`,
    details: { by: input.userId, set: changed.filter((c) => c !== 'accessToken'), token: values.accessToken ? 'pasted' : 'none' },
  });
  return (await getIntegrationById(db, id))!;
}
