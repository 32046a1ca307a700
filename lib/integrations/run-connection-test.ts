import type { DbOrTx } from '@/db/client';
import { logAction } from '@/db/queries/integration-logs';
import { type IntegrationWithProvider, recordConnectionStatus } from '@/db/queries/integrations';
import { loadConnection } from '@/lib/integrations/connection';
import { SecretUnreadableError } from '@/lib/crypto/secrets';
import { ReconnectNeededError } from '@/lib/integrations/kit/errors';
import { markReconnectNeeded } from './oauth/reconnect';
import { getProviderCore, providerWith } from './registry';
import { evaluateAlertsNow } from '@/lib/alerts/evaluate';
import type { ConnectionResult, ProviderDefinition } from './types';

type Tested = Pick<ProviderDefinition, 'id' | 'defaults' | 'connection'>;

export type ConnectionTestOutcome = {
  status: 'connected' | 'error' | 'reconnect_needed' | 'unavailable';
  message: string;
  externalName?: string;
  durationMs?: number;
};

/** Removes the token from a provider's message, in case a provider ever echoes it. */
function redact(text: string, secret: string | null): string {
  return secret && secret.length >= 4 ? text.split(secret).join('[redacted]') : text;
}

/**
 * "Save & test connection": runs the provider's test with the decrypted connection, stores
 * the status and logs the attempt (actionType 'auth', with its duration, never the token).
 * A provider without a test says so instead of pretending the connection works.
 */
export async function runConnectionTest(
  db: DbOrTx,
  integration: IntegrationWithProvider,
  provider?: ProviderDefinition,
): Promise<ConnectionTestOutcome> {
  const type = integration.provider.providerType;
  const tested: Tested = provider ?? (await providerWith(type, 'connection')) ?? getProviderCore(type);
  const outcome = await testAndRecord(db, integration, tested);
  // "Reconnect needed" (or its recovery) alerts the owners at once, not at the next evaluation.
  await evaluateAlertsNow(db, integration.id);
  return outcome;
}

async function testAndRecord(db: DbOrTx, integration: IntegrationWithProvider, provider: Tested): Promise<ConnectionTestOutcome> {
  const log = { providerId: integration.providerId, integrationId: integration.id, actionType: 'auth' as const };
  const test = provider.connection?.test;
  if (!test) {
    const message = `Connection test not available for ${provider.defaults.name} yet.`;
    await logAction(db, { ...log, status: 'warning', description: message });
    return { status: 'unavailable', message };
  }
  let connection;
  try {
    connection = await loadConnection(integration);
  } catch (err) {
    if (!(err instanceof SecretUnreadableError)) throw err;
    // The stored token no longer decrypts (moved, tampered, key retired): only a new one helps.
    await recordConnectionStatus(db, integration.id, { connectionStatus: 'reconnect_needed', connectionError: err.userMessage });
    await logAction(db, { ...log, status: 'error', description: `Connection test failed: ${err.userMessage}`, details: { problem: 'secret_unreadable' } });
    return { status: 'reconnect_needed', message: err.userMessage };
  }
  const started = performance.now();
  let result: ConnectionResult;
  try {
    result = await test(connection);
  } catch (err) {
    if (err instanceof ReconnectNeededError) {
      // A revoked grant (refresh refused) or a refused token: already marked, keep it that way.
      await markReconnectNeeded(db, integration.id, err.message);
      await logAction(db, { ...log, status: 'error', description: `Connection test failed: ${err.message}`, details: { problem: 'reconnect_needed' } });
      return { status: 'reconnect_needed', message: err.message };
    }
    console.error(`[${provider.id}] connection test threw:`, err instanceof Error ? err.name : typeof err);
    result = { ok: false, problem: 'unreachable', message: 'The connection test failed unexpectedly.' };
  }
  const durationMs = Math.round(performance.now() - started);
  if (result.ok) {
    const externalName = result.externalName ?? integration.externalId ?? undefined;
    await recordConnectionStatus(db, integration.id, { connectionStatus: 'connected', connectionError: null, externalName });
    const message = `Connected to ${provider.defaults.name}${externalName ? ` (${externalName})` : ''}.`;
    await logAction(db, { ...log, status: 'success', description: message, durationMs, details: { externalName } });
    return { status: 'connected', message, durationMs, ...(externalName ? { externalName } : {}) };
  }
  const message = redact(result.message, await connection.accessToken().catch(() => null));
  const status = result.problem === 'reconnect_needed' ? 'reconnect_needed' : 'error';
  if (status === 'reconnect_needed') await markReconnectNeeded(db, integration.id, message);
  else await recordConnectionStatus(db, integration.id, { connectionStatus: status, connectionError: message });
  await logAction(db, {
    ...log,
    status: 'error',
    description: `Connection test failed: ${message}`,
    durationMs,
    details: { problem: result.problem },
  });
  return { status, message, durationMs };
}
