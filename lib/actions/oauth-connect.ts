'use server';

import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/db/client';
import { listProjectIntegrations } from '@/db/queries/integrations';
import { projectIntegrations } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { disconnectOAuth } from '@/lib/integrations/oauth/disconnect';
import { OAuthFlowError } from '@/lib/integrations/oauth/errors';
import { startOAuth } from '@/lib/integrations/oauth/flow';
import type { OAuthAccount } from '@/lib/integrations/oauth/store';
import { activeProviderRow } from '@/lib/integrations/create-integration';
import type { ProviderInfo } from '@/lib/integrations/types';
import { getProviderCore, providerWith } from '@/lib/integrations/registry';
import { requestAppUrl } from '@/lib/request-app-url';
import { integrationRefSchema, oauthConnectSchema } from './integration-schemas';
import { loadIntegrationOr404 } from './load-integration';
import { authedAction } from './safe-action';

/**
 * "Connect with …" / "Reconnect" (owner): returns the provider's authorize URL for the browser
 * to follow. From the set-up page (no integration yet) nothing is created: the fields entered
 * so far wait in the OAuth state, and a successful callback creates the integration with them.
 */
export const startOAuthConnect = authedAction('owner', oauthConnectSchema, async ({ db, user }, input) => {
  const provider = await providerWith(input.providerType, 'oauth');
  if (!provider) throw new AppError('bad_request', `${getProviderCore(input.providerType).defaults.name} has no one-click connect.`, 'providerType');
  const appUrl = await requestAppUrl();
  if (!appUrl) throw new AppError('unavailable', 'The app URL is unknown (set APP_URL).');
  const target = input.integrationId ? { integration: await loadIntegrationOr404(db, { projectId: input.projectId, integrationId: input.integrationId }) } : await setUpTarget(db, provider, input);
  if ('integration' in target && target.integration.provider.providerType !== provider.id) throw new AppError('not_found', 'Integration not found.');
  try {
    const url = await startOAuth(db, { userId: user.id, provider, appUrl, ...target });
    return { url: url.toString() };
  } catch (err) {
    if (err instanceof OAuthFlowError && err.outcome === 'not_configured') {
      throw new AppError('unavailable', `Connecting with ${provider.oauth.label} is not configured on this server: set ${provider.oauth.clientIdEnv} and ${provider.oauth.clientSecretEnv}.`);
    }
    throw err;
  }
});

/** A connect from the set-up page: the provider must be on, and the external id entered not connected already. */
async function setUpTarget(db: Db, provider: ProviderInfo, input: z.output<typeof oauthConnectSchema>) {
  await activeProviderRow(db, provider);
  const externalId = input.externalId ?? null;
  if (externalId && (await listProjectIntegrations(db, input.projectId)).some((i) => i.provider.providerType === provider.id && i.externalId === externalId)) {
    throw new AppError('conflict', 'already connected in this project', 'externalId');
  }
  const pendingSetup = { externalId, settings: input.settings, syncEnabled: input.syncEnabled, syncIntervalSeconds: input.syncIntervalSeconds };
  return { projectId: input.projectId, pendingSetup };
}

/** "Disconnect" (owner): revoke at the provider where it can be done, then delete the tokens. */
export const disconnectIntegration = authedAction('owner', integrationRefSchema, async ({ db }, input) => {
  const integration = await loadIntegrationOr404(db, input);
  return disconnectOAuth(db, integration, await providerWith(integration.provider.providerType, 'oauth'));
});

/** Atlassian grants covering several sites: the owner picks the one this integration uses. */
export const chooseOAuthSite = authedAction(
  'owner',
  integrationRefSchema.extend({ siteId: z.string().regex(/^[\w-]{1,64}$/, 'is not a site id') }),
  async ({ db }, input) => {
    const integration = await loadIntegrationOr404(db, input);
    const account = (integration.oauthAccount ?? {}) as OAuthAccount;
    const site = account.sites?.find((s) => s.id === input.siteId);
    if (!site) throw new AppError('bad_request', 'That site is not covered by the grant.', 'siteId');
    await db
      .update(projectIntegrations)
      .set({ oauthAccount: { ...account, siteId: site.id, apiBaseUrl: site.apiBaseUrl }, externalName: integration.externalName, updatedAt: new Date() })
      .where(eq(projectIntegrations.id, integration.id));
    return { siteId: site.id };
  },
);
