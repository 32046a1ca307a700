import type { DbOrTx } from '@/db/client';
import { logAction } from '@/db/queries/integration-logs';
import { getIntegrationById, type IntegrationWithProvider } from '@/db/queries/integrations';
import type { OAuthState, PendingIntegrationSetup } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { createConfiguredIntegration, providerIsActive } from '@/lib/integrations/create-integration';
import type { ProviderDefinition } from '@/lib/integrations/types';
import { missingScopes, oauthClientConfig } from './config';
import { OAuthFlowError, type OAuthOutcome } from './errors';
import { consumeOAuthState, createOAuthState } from './state';
import { accountForGrant, type OAuthAccount, saveGrant } from './store';

/** What a connect is for: an integration (connect / reconnect), or a new one from the set-up page. */
export type ConnectTarget = { integration: IntegrationWithProvider } | { projectId: string; pendingSetup: PendingIntegrationSetup };

/**
 * Starts a connect (or reconnect): a fresh single-use state bound to the user and the target,
 * then the provider's authorize URL. Google is asked for consent again when no refresh token is
 * held (it sends one on the first consent only).
 */
export async function startOAuth(
  db: DbOrTx,
  input: { userId: string; provider: ProviderDefinition; appUrl: string } & ConnectTarget,
): Promise<URL> {
  const { provider } = input;
  const oauth = provider.oauth;
  const config = oauth && oauthClientConfig(oauth, provider.id, input.appUrl);
  if (!oauth || !config) throw new OAuthFlowError('not_configured', oauth ? `${oauth.clientIdEnv} ${oauth.clientSecretEnv}` : undefined);
  const { state, codeVerifier } = await createOAuthState(db, {
    userId: input.userId,
    target: 'integration' in input ? { integrationId: input.integration.id } : { projectId: input.projectId, pendingSetup: input.pendingSetup },
    providerType: provider.id,
    pkce: oauth.pkce,
  });
  return oauth.authorizationUrl(config, { state, codeVerifier, forceConsent: !('integration' in input && input.integration.refreshToken) });
}

/** `projectId` without `integrationId`: the connect came from the set-up page, and the owner goes back there. */
export type CallbackResult = { outcome: OAuthOutcome; detail?: string; projectId?: string; integrationId?: string };

/** Where the owner goes back to after a refused state: the integration, or the set-up page it was started from. */
async function startedFrom(db: DbOrTx, state: OAuthState | undefined): Promise<Pick<CallbackResult, 'projectId' | 'integrationId'>> {
  if (state?.integrationId) {
    const integration = await getIntegrationById(db, state.integrationId);
    return integration ? { projectId: integration.projectId, integrationId: integration.id } : {};
  }
  return state?.projectId ? { projectId: state.projectId } : {};
}

/**
 * The callback: state first (unknown / reused / expired / another user), then the provider's
 * answer (denied / error), the exchange, the scope check; only a complete grant is stored.
 * Every failure returns its outcome and stores nothing (beyond spending the state). A connect
 * started on the set-up page creates its integration here, with the grant and the settings
 * entered before "Connect", and not before.
 */
export async function completeOAuth(
  db: DbOrTx,
  input: { provider: ProviderDefinition; params: URLSearchParams; userId: string | null; appUrl: string },
): Promise<CallbackResult> {
  const { provider, params } = input;
  const consumed = await consumeOAuthState(db, { state: params.get('state'), userId: input.userId, providerType: provider.id });
  if (!consumed.ok) return { outcome: consumed.outcome, ...(await startedFrom(db, consumed.row)) };
  const state = consumed.row;
  const existing = state.integrationId ? await getIntegrationById(db, state.integrationId) : null;
  if (existing ? existing.provider.providerType !== provider.id : !state.projectId || !state.pendingSetup) return { outcome: 'invalid_state' };
  const ref = existing ? { projectId: existing.projectId, integrationId: existing.id } : { projectId: state.projectId! };
  const fail = async (outcome: Exclude<OAuthOutcome, 'connected' | 'choose_site'>, detail?: string): Promise<CallbackResult> => {
    if (existing) {
      await logAction(db, { actionType: 'auth', providerId: existing.providerId, integrationId: existing.id, status: 'error', description: `OAuth connect failed: ${outcome}${detail ? ` (${detail})` : ''}`, details: { outcome } });
    }
    return { outcome, ...(detail ? { detail } : {}), ...ref };
  };
  const error = params.get('error');
  if (error) return error === 'access_denied' ? fail('denied') : fail('provider_error', error.replace(/[^\w.-]/g, '').slice(0, 60));
  const code = params.get('code');
  if (!code) return fail('provider_error', 'no_code');
  const oauth = provider.oauth;
  const config = oauth && oauthClientConfig(oauth, provider.id, input.appUrl);
  if (!oauth || !config) return fail('not_configured');
  // A new integration needs its provider switched on: checked before the code is spent.
  if (!existing && !(await providerIsActive(db, provider))) return fail('unavailable');
  let grant;
  try {
    grant = await oauth.exchange(config, { code, codeVerifier: state.codeVerifier });
  } catch (err) {
    if (err instanceof OAuthFlowError) return fail(err.outcome, err.detail);
    console.error(`[oauth] ${provider.id} exchange failed:`, err instanceof Error ? err.name : typeof err);
    return fail('provider_error');
  }
  const missing = grant.scopesNotApplicable ? [] : missingScopes(oauth.requiredScopes, grant.scopes);
  if (missing.length) return fail('missing_scope', missing.join(' '));
  const { account, mustChooseSite } = accountForGrant(existing?.oauthAccount as OAuthAccount | null, grant);
  const who = typeof account.name === 'string' ? ` as ${account.name}` : '';
  // One transaction: a new integration exists only with its grant.
  let integration: IntegrationWithProvider;
  try {
    integration = await db.transaction(async (tx) => {
      const target = existing ?? (await createOnConnect(tx, { provider, projectId: state.projectId!, userId: state.userId, setup: state.pendingSetup!, grantToken: grant.accessToken }));
      await saveGrant(tx, target.id, grant, { account });
      await logAction(tx, {
        actionType: 'auth',
        providerId: target.providerId,
        integrationId: target.id,
        status: 'success',
        description: `Connected with ${oauth.label}${who}${existing?.accessToken ? ' (reconnect)' : ''}.`,
        details: { scopes: grant.scopes, expiresAt: grant.expiresAt?.toISOString() ?? null, sites: grant.sites?.length ?? 0 },
      });
      return target;
    });
  } catch (err) {
    // Switched off between the check above and this insert: the grant is not kept.
    if (err instanceof AppError && err.code === 'unavailable') return fail('unavailable');
    throw err;
  }
  return { outcome: mustChooseSite ? 'choose_site' : 'connected', projectId: integration.projectId, integrationId: integration.id };
}

/**
 * The integration a set-up page's connect creates. Its external id was free when "Connect" was
 * pressed; if another integration took it meanwhile, the grant is kept and the id left for the
 * owner to set on the configure page.
 */
async function createOnConnect(
  db: DbOrTx,
  input: { provider: ProviderDefinition; projectId: string; userId: string; setup: PendingIntegrationSetup; grantToken: string | null },
): Promise<IntegrationWithProvider> {
  // Each attempt in its own savepoint: a refused insert does not spoil the transaction around it.
  const create = (externalId: string | null) =>
    db.transaction((sp) => createConfiguredIntegration(sp, { projectId: input.projectId, provider: input.provider, userId: input.userId, via: 'connect', fields: { ...input.setup, externalId }, grantToken: input.grantToken }));
  try {
    return await create(input.setup.externalId);
  } catch (err) {
    // Taken meanwhile, or a typed name the grant cannot see (an unknown Slack channel): the grant
    // is kept and the owner sets the id on the configure page.
    if (err instanceof AppError && err.field === 'externalId' && input.setup.externalId) return create(null);
    throw err;
  }
}
