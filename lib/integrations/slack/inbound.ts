import { logAction } from '@/db/queries/integration-logs';
import { recordConnectionStatus } from '@/db/queries/integrations';
import { PermanentWebhookError } from '@/lib/integrations/kit/errors';
import type { InboundCapability, InboundContext } from '../types';
import { clientFor, isRevokedError, recordSlackProblem, slackErrorCode, SlackNotConnectedError } from './client';
import { processSlashCommand } from './commands';
import { processBlockActions, processMessageAction, processViewSubmission } from './interactions';

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (v && typeof v === 'object' ? (v as Obj) : {});

/** app_uninstalled / tokens_revoked (of our bot): the connection needs a person. */
async function markRevoked(ctx: InboundContext, why: string) {
  const message = `Slack ${why}: reinstall the app (or paste a new bot token) to reconnect.`;
  await recordConnectionStatus(ctx.db, ctx.integration.id, { connectionStatus: 'reconnect_needed', connectionError: message });
  await logAction(ctx.db, {
    actionType: 'auth',
    status: 'error',
    providerId: ctx.integration.providerId,
    integrationId: ctx.integration.id,
    description: message,
  });
  return { reconnectNeeded: true };
}

/**
 * `inbound.process` for Slack: slash commands, block_actions, view_submission,
 * message_action, and Events API callbacks. Redeliveries never reach here twice (stored once
 * per trigger_id / event_id, X-Slack-Retry-Num retries answered as duplicates).
 */
export const slackInbound: InboundCapability = {
  async process(ctx, delivery) {
    const payload = obj(delivery.payload);
    if (delivery.eventType === 'app_uninstalled') return markRevoked(ctx, 'app was uninstalled from the workspace');
    if (delivery.eventType === 'tokens_revoked') {
      const bots = obj(obj(payload.event).tokens).bot;
      // Only our bot's revocation matters; a user token revoked elsewhere does not.
      if (Array.isArray(bots) && bots.length > 0) return markRevoked(ctx, 'revoked the bot token');
      return { ignored: 'no bot token revoked' };
    }
    const connection = await ctx.loadConnection();
    let client;
    try {
      client = await clientFor(connection);
    } catch (err) {
      if (err instanceof SlackNotConnectedError) throw new PermanentWebhookError(err.message);
      throw err;
    }
    try {
      switch (delivery.eventType) {
        case 'slash_command':
          return (await processSlashCommand(ctx, client, connection.apiBaseUrl, payload as Record<string, string>)) ?? {};
        case 'block_actions':
          return await processBlockActions(ctx, client, connection.apiBaseUrl, payload);
        case 'view_submission':
          return await processViewSubmission(ctx, client, payload);
        case 'message_action':
          return await processMessageAction(client, payload);
        default:
          return { ignored: delivery.eventType };
      }
    } catch (err) {
      const code = slackErrorCode(err);
      await recordSlackProblem(ctx.db, ctx.integration, err);
      // A revoked token or an expired trigger_id cannot get better by retrying.
      if (isRevokedError(code) || code === 'expired_trigger_id' || code === 'invalid_trigger_id') {
        throw new PermanentWebhookError(`Slack answered ${code}.`);
      }
      throw err;
    }
  },
};
