import { jwtVerify } from 'jose';
import type { WebhookCapability } from '../types';
import { deriveUrlToken, sha256Hex, timingSafeEqualText, verifyHexSignature } from '@/lib/integrations/kit/hmac';
import { deliveryIdSchema, malformed, parseJsonObject, unauthorized } from '@/lib/integrations/kit/payload';

/**
 * Jira Cloud admin webhooks: `X-Hub-Signature: sha256=<hex HMAC>` as GitHub; dedup key
 * X-Atlassian-Webhook-Identifier. Unsigned deliveries only when the owner allowed them in
 * the settings, and then the URL must carry `?token=` (derived from the secret, never the secret).
 * Dynamic webhooks (OAuth integrations, registered by dynamic-webhook.ts) arrive with a Bearer
 * JWT (HS256) signed with the app's client secret, ATLASSIAN_CLIENT_SECRET: its signature and
 * expiry are checked, and so is the `?token=` of the URL we registered (which names this
 * integration: the JWT alone would be valid for any integration of the same app).
 */
async function validAtlassianJwt(authorization: string, now: Date): Promise<boolean> {
  const clientSecret = process.env.ATLASSIAN_CLIENT_SECRET;
  if (!clientSecret) return false; // no OAuth app configured: no dynamic webhook can be genuine
  const jwt = authorization.replace(/^Bearer\s+/i, '');
  try {
    await jwtVerify(jwt, new TextEncoder().encode(clientSecret), { algorithms: ['HS256'], currentDate: now, clockTolerance: 60 });
    return true;
  } catch {
    return false;
  }
}

export const jiraWebhook: WebhookCapability = {
  contentTypes: ['application/json'],
  secretHeaders: ['x-hub-signature', 'authorization'],
  confirmationEvents: [],
  urlToken: (secret) => deriveUrlToken(secret, 'jira'),
  async verify({ request, url, body, bodyBytes, hmacKey, secret, settings, now }) {
    const signature = request.headers.get('x-hub-signature');
    const authorization = request.headers.get('authorization') ?? '';
    if (signature) {
      if (!(await verifyHexSignature(await hmacKey(), bodyBytes, signature, 'sha256='))) return unauthorized('invalid signature');
    } else if (/^Bearer\s+\S/i.test(authorization)) {
      if (!(await validAtlassianJwt(authorization, now))) return unauthorized('dynamic webhook delivery without a valid JWT');
      if (!(await timingSafeEqualText(await deriveUrlToken(await secret(), 'jira'), url.searchParams.get('token')))) return unauthorized('dynamic webhook delivery without the right ?token=');
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
