import { ZodError } from 'zod';
import { PermanentWebhookError, ReconnectNeededError } from '../kit/errors';
import { markReconnectNeeded } from '../oauth/reconnect';
import type { InboundCapability } from '../types';
import { processGithubEvent } from './process-event';

/**
 * `inbound`: a stored GitHub delivery. A payload that does not parse is `invalid` (process-event
 * throws InvalidWebhookPayloadError); other schema errors (our settings) or a dead token are
 * permanent failures.
 */
export const githubInbound: InboundCapability = {
  async process(ctx, delivery) {
    // The user revoked the GitHub App's authorization: every token of that grant is dead.
    if (delivery.eventType === 'github_app_authorization' && delivery.eventAction === 'revoked') {
      await markReconnectNeeded(ctx.db, ctx.integration.id, 'The GitHub authorization was revoked (github_app_authorization).');
      return { reconnectNeeded: true };
    }
    try {
      return await processGithubEvent(ctx, { eventType: delivery.eventType, action: delivery.eventAction, payload: delivery.payload });
    } catch (err) {
      if (err instanceof ZodError) throw new PermanentWebhookError(`[github] ${delivery.eventType} could not be processed: ${err.issues[0]?.path.join('.')}`);
      if (err instanceof ReconnectNeededError) {
        await markReconnectNeeded(ctx.db, ctx.integration.id, err.message);
        throw new PermanentWebhookError(err.message);
      }
      throw err;
    }
  },
};
