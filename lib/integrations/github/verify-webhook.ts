import { z } from 'zod';
import type { WebhookCapability } from '../types';
import { verifyHexSignature } from '../kit/hmac';
import { deliveryIdSchema, malformed, parseJsonObject, unauthorized } from '../kit/payload';

const githubEventSchema = z.string().regex(/^[a-z_]{1,64}$/);

/**
 * GitHub: `X-Hub-Signature-256: sha256=<hex HMAC-SHA256(secret, raw body)>`; dedup key
 * X-GitHub-Delivery (kept on redelivery). JSON or form-encoded (`payload=`) bodies.
 */
export const githubWebhook: WebhookCapability = {
  contentTypes: ['application/json', 'application/x-www-form-urlencoded'],
  secretHeaders: ['x-hub-signature', 'x-hub-signature-256'],
  confirmationEvents: ['ping'],
  async verify({ request, body, bodyBytes, hmacKey }) {
    const signature = request.headers.get('x-hub-signature-256');
    if (!signature) return unauthorized('missing X-Hub-Signature-256');
    if (!(await verifyHexSignature(await hmacKey(), bodyBytes, signature, 'sha256='))) {
      return unauthorized('invalid signature');
    }
    const deliveryId = deliveryIdSchema.safeParse(request.headers.get('x-github-delivery'));
    if (!deliveryId.success) return malformed('missing or invalid X-GitHub-Delivery');
    const event = githubEventSchema.safeParse(request.headers.get('x-github-event'));
    if (!event.success) return malformed('missing or invalid X-GitHub-Event');
    const isForm = request.headers.get('content-type')?.includes('x-www-form-urlencoded');
    const payload = parseJsonObject(isForm ? (new URLSearchParams(body).get('payload') ?? '') : body);
    if (!payload) return malformed('body is not a JSON object');
    const action = typeof payload.action === 'string' ? payload.action : null;
    return { ok: true, kind: 'deliveries', deliveries: [{ deliveryId: deliveryId.data, eventType: event.data, eventAction: action, payload }] };
  },
};
