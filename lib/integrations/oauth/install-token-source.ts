import { setTokenSource } from '../connection';

/**
 * Installs the OAuth token source in loadConnection (imported for its effect by
 * lib/integrations/registry.ts, so every process that reaches a provider — pages, actions,
 * Inngest functions, in-process jobs, tests — has it). Pasted tokens and grants that do not
 * expire never leave connection.ts; the refresh code is loaded on first need.
 */
setTokenSource(async (integration, stored) => {
  if (integration.authMethod !== 'oauth' || !integration.refreshToken || !integration.tokenExpiresAt) return stored();
  const { oauthAccessToken } = await import('./token-source');
  return oauthAccessToken(integration, stored);
});
