import type { WebhookCapability } from '../types';
import { timingSafeEqualText } from '@/lib/integrations/kit/hmac';
import { deliveryIdSchema, malformed, unauthorized } from '@/lib/integrations/kit/payload';

const STATES = ['sync', 'exists', 'not_exists'];

/**
 * Google Calendar push: no signature; `X-Goog-Channel-Token` echoes the token we set at
 * events.watch (the integration's secret), compared in constant time. The body is empty:
 * the headers are the notification. Dedup key: channel id + message number.
 */
export const googleCalendarWebhook: WebhookCapability = {
  contentTypes: [null, 'application/json', 'text/plain', 'application/octet-stream', 'application/x-www-form-urlencoded'],
  secretHeaders: ['x-goog-channel-token'],
  confirmationEvents: ['sync'],
  async verify({ request, secret }) {
    const h = (name: string) => request.headers.get(name);
    if (!(await timingSafeEqualText(await secret(), h('x-goog-channel-token')))) return unauthorized('missing or invalid X-Goog-Channel-Token');
    const channelId = deliveryIdSchema.safeParse(h('x-goog-channel-id'));
    const messageNumber = h('x-goog-message-number');
    const state = h('x-goog-resource-state');
    if (!channelId.success || !messageNumber || !/^\d{1,20}$/.test(messageNumber)) {
      return malformed('missing X-Goog-Channel-ID or X-Goog-Message-Number');
    }
    if (!state || !STATES.includes(state)) return malformed('missing or unknown X-Goog-Resource-State');
    const payload = {
      channelId: channelId.data,
      messageNumber,
      resourceState: state,
      resourceId: h('x-goog-resource-id'),
      resourceUri: h('x-goog-resource-uri'),
      channelExpiration: h('x-goog-channel-expiration'),
    };
    return { ok: true, kind: 'deliveries', deliveries: [{ deliveryId: `${channelId.data}:${messageNumber}`, eventType: state, eventAction: null, payload }] };
  },
};
