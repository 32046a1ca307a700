import { z } from 'zod';
import type { VerifiedDelivery, WebhookCapability } from '../types';
import { sha256Hex, timingSafeEqualText } from '@/lib/integrations/kit/hmac';
import { malformed, unauthorized } from '@/lib/integrations/kit/payload';
import { plainTextResponse } from '@/lib/webhooks/responses';

const notificationSchema = z
  .object({
    id: z.string().min(1).max(200).optional(),
    subscriptionId: z.string().min(1).max(200),
    clientState: z.string().max(128).optional(),
    changeType: z.string().max(100).optional(),
    lifecycleEvent: z.string().max(100).optional(),
    resource: z.string().max(2000).optional(),
  })
  .loose();
const batchSchema = z.object({ value: z.array(notificationSchema).min(1).max(1000) });

/**
 * Microsoft Graph: the subscription handshake (`?validationToken=` → 200 text/plain with
 * the decoded token), then batches whose every notification must carry our clientState
 * (compared in constant time; one wrong → the whole batch is refused). One row per
 * notification, keyed by its id (or a hash of it when Graph sends none).
 */
export const outlookCalendarWebhook: WebhookCapability = {
  contentTypes: ['application/json', 'text/plain', null],
  secretHeaders: [],
  confirmationEvents: [],
  async verify({ url, body, secret }) {
    const validationToken = url.searchParams.get('validationToken');
    if (validationToken !== null) {
      if (validationToken.length === 0 || validationToken.length > 1024) return malformed('invalid validationToken');
      return {
        ok: true,
        kind: 'respond',
        confirmsWebhook: false,
        unauthenticated: true,
        response: plainTextResponse(200, validationToken),
      };
    }
    let parsed;
    try {
      parsed = batchSchema.safeParse(JSON.parse(body));
    } catch {
      return unauthorized('body is not a Graph notification batch'); // no clientState could be checked
    }
    if (!parsed.success) return unauthorized('body is not a Graph notification batch with clientState');
    const expected = await secret();
    const deliveries: VerifiedDelivery[] = [];
    for (const n of parsed.data.value) {
      if (!(await timingSafeEqualText(expected, n.clientState))) return unauthorized('clientState does not match');
      const { clientState: _secret, ...payload } = n;
      const id = n.id ?? `sha256:${await sha256Hex(JSON.stringify(payload))}`;
      deliveries.push({ deliveryId: `${n.subscriptionId}:${id}`.slice(0, 255), eventType: n.lifecycleEvent ?? n.changeType ?? 'notification', eventAction: null, payload });
    }
    return { ok: true, kind: 'deliveries', deliveries };
  },
};
