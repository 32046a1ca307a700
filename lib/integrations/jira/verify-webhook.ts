import type { WebhookCapability } from '../types';
import { deriveUrlToken, sha256Hex, timingSafeEqualText, verifyHexSignature } from '@/lib/webhooks/hmac';
import { deliveryIdSchema, malformed, parseJsonObject, unauthorized } from '@/lib/webhooks/payload';

/**
 * Jira Cloud admin webhooks: `X-Hub-Signature: sha256=<hex HMAC>` as GitHub; dedup key
 * X-Atlassian-Webhook-Identifier. Unsigned deliveries only when the owner allowed them in
 * the settings, and then the URL must carry `?token=` (derived from the secret, never the secret).
 */
export const jiraWebhook: WebhookCapability = {
  contentTypes: ['application/json'],
  secretHeaders: ['x-hub-signature'],
  confirmationEvents: [],
  urlToken: (secret) => deriveUrlToken(secret, 'jira'),
  async verify({ request, url, body, bodyBytes, hmacKey, secret, settings }) {
    const signature = request.headers.get('x-hub-signature');
    if (signature) {
      if (!(await verifyHexSignature(await hmacKey(), bodyBytes, signature, 'sha256='))) return unauthorized('invalid signature');
    } else if (settings.allowUnsignedWebhooks !== true) {
      return unauthorized('missing X-Hub-Signature');
    } else if (!(await timingSafeEqualText(await deriveUrlToken(await secret(), 'jira'), url.searchParams.get('token')))) {
      return unauthorized('unsigned delivery without the right ?token=');
    }
    const payload = parseJsonObject(body);
    if (!payload) return malformed('body is not a JSON object');
    const header = request.headers.get('x-atlassian-webhook-identifier');
    const deliveryId = header === null ? { success: true as const, data: `sha256:${await sha256Hex(body)}` } : deliveryIdSchema.safeParse(header);
    if (!deliveryId.success) return malformed('invalid X-Atlassian-Webhook-Identifier');
    const eventType = typeof payload.webhookEvent === 'string' ? payload.webhookEvent.slice(0, 100) : 'unknown';
    const action = typeof payload.issue_event_type_name === 'string' ? payload.issue_event_type_name.slice(0, 100) : null;
    return { ok: true, kind: 'deliveries', deliveries: [{ deliveryId: deliveryId.data, eventType, eventAction: action, payload }] };
  },
};
