import { LogLevel, WebAPIPlatformError, WebClient } from '@slack/web-api';
import type { Db } from '@/db/client';
import { logAction } from '@/db/queries/integration-logs';
import { recordConnectionStatus, type IntegrationWithProvider } from '@/db/queries/integrations';
import { UserFacingError } from '@/lib/errors';
import type { IntegrationConnection } from '../types';

/**
 * A WebClient for one integration: `slackApiUrl` is the provider's configurable base URL
 * (SLACK_API_URL; the fake in tests). The library retries failed requests and waits out a
 * 429's Retry-After itself; SLACK_RETRIES bounds the attempts (a durable job retries later).
 */
export function slackClient(token: string, apiBaseUrl: string): WebClient {
  const retries = Number(process.env.SLACK_RETRIES ?? 3);
  return new WebClient(token, {
    slackApiUrl: `${apiBaseUrl.replace(/\/+$/, '')}/`,
    logLevel: LogLevel.ERROR,
    timeout: 10_000,
    retryConfig: { retries, factor: 2, minTimeout: 200, maxTimeout: 5_000, randomize: true },
  });
}

export class SlackNotConnectedError extends UserFacingError {
  override name = 'SlackNotConnectedError';
}

/** The integration's client, or a user-safe error when no bot token was saved. */
export async function clientFor(connection: IntegrationConnection): Promise<WebClient> {
  const token = await connection.accessToken();
  if (!token) throw new SlackNotConnectedError('Slack is not connected: paste the bot token (xoxb-…) on the configure page.');
  return slackClient(token, connection.apiBaseUrl);
}

/** Slack's `error` string of a failed Web API call (ok: false), else null. */
export function slackErrorCode(err: unknown): string | null {
  return err instanceof WebAPIPlatformError ? err.data.error : null;
}

const REVOKED = new Set(['token_revoked', 'invalid_auth', 'account_inactive', 'not_authed', 'token_expired', 'missing_scope']);
const CHANNEL = new Set(['not_in_channel', 'channel_not_found', 'is_archived']);

export function isRevokedError(code: string | null): boolean {
  return code != null && REVOKED.has(code);
}

/** What the integration page shows for an error Slack returned, or null for a transient one. */
export function problemFor(code: string | null, channel: string | null): { status: 'error' | 'reconnect_needed'; message: string } | null {
  if (code == null) return null;
  if (code === 'missing_scope') {
    return { status: 'reconnect_needed', message: 'The Slack bot token lacks a scope this needs (chat:write, channels:read, groups:read, users:read, users:read.email): reinstall the app and paste the new token.' };
  }
  if (REVOKED.has(code)) {
    return { status: 'reconnect_needed', message: `Slack refused the bot token (${code}): reinstall the app or paste a new token.` };
  }
  if (CHANNEL.has(code)) {
    const which = channel ?? 'the configured channel';
    const message = code === 'not_in_channel'
      ? `The bot is not a member of ${which}: in Slack, type /invite @Taskbridge in that channel.`
      : code === 'is_archived'
        ? `The channel ${which} is archived: pick another channel.`
        : `The channel ${which} was not found (deleted, or private without the bot): pick another channel.`;
    return { status: 'error', message };
  }
  return null;
}

/**
 * Marks the integration when Slack said something a person must fix (a revoked token, a
 * channel the bot cannot post in). Until the Connect branch's shared `markReconnectNeeded`
 * lands, reconnect is recorded with recordConnectionStatus and logged. Returns whether it marked.
 */
export async function recordSlackProblem(
  db: Db,
  integration: Pick<IntegrationWithProvider, 'id' | 'providerId' | 'externalId'>,
  err: unknown,
): Promise<boolean> {
  const code = slackErrorCode(err);
  const problem = problemFor(code, integration.externalId);
  if (!problem) return false;
  await recordConnectionStatus(db, integration.id, { connectionStatus: problem.status, connectionError: problem.message });
  await logAction(db, {
    actionType: problem.status === 'reconnect_needed' ? 'auth' : 'api_call',
    status: 'error',
    providerId: integration.providerId,
    integrationId: integration.id,
    description: problem.message,
    details: { slackError: code },
  }).catch(() => {});
  return true;
}
