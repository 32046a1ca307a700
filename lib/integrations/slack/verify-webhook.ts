import type { VerifiedDelivery, WebhookCapability } from '../types';
import { sha256Hex, utf8, verifyHexSignature } from '@/lib/integrations/kit/hmac';
import { type JsonObject, malformed, parseJsonObject, unauthorized } from '@/lib/integrations/kit/payload';
import { webhookResponse } from '@/lib/webhooks/responses';
import { slackAck } from './ack';

/** Slack rejects requests whose timestamp is more than five minutes from now (replay protection). */
export const SLACK_MAX_SKEW_SECONDS = 300;

const str = (v: unknown): string | null => (typeof v === 'string' && v.length > 0 ? v.slice(0, 255) : null);

/** Splits a verified Slack body: Events API (JSON), slash commands and interactivity (form). */
async function toDelivery(body: string, isForm: boolean): Promise<VerifiedDelivery | 'malformed'> {
  if (isForm) {
    const form = Object.fromEntries(new URLSearchParams(body));
    delete form.token; // the legacy verification token is a secret: never stored
    if (form.payload !== undefined) {
      const interaction = parseJsonObject(form.payload);
      if (!interaction) return 'malformed';
      delete interaction.token;
      const id = str(interaction.trigger_id) ?? `sha256:${await sha256Hex(body)}`;
      return { deliveryId: id, eventType: str(interaction.type) ?? 'interaction', eventAction: null, payload: interaction };
    }
    if (!form.command) return 'malformed';
    const id = str(form.trigger_id) ?? `sha256:${await sha256Hex(body)}`;
    return { deliveryId: id, eventType: 'slash_command', eventAction: form.command.slice(0, 100), payload: form };
  }
  const payload = parseJsonObject(body);
  if (!payload) return 'malformed';
  delete payload.token;
  const event = (payload.event ?? {}) as JsonObject;
  const id = str(payload.event_id) ?? `sha256:${await sha256Hex(body)}`;
  return { deliveryId: id, eventType: str(event.type) ?? str(payload.type) ?? 'unknown', eventAction: str(event.subtype), payload };
}

/**
 * Slack: `X-Slack-Signature: v0=<hex HMAC-SHA256(signing secret, "v0:" + timestamp + ":" + body)>`,
 * timestamp within 300 s of now (future ones too). `url_verification` echoes the challenge.
 */
export const slackWebhook: WebhookCapability = {
  contentTypes: ['application/json', 'application/x-www-form-urlencoded'],
  secretHeaders: ['x-slack-signature'],
  confirmationEvents: [],
  async verify({ request, body, bodyBytes, hmacKey, now }) {
    const signature = request.headers.get('x-slack-signature');
    const timestamp = request.headers.get('x-slack-request-timestamp');
    if (!signature || !timestamp) return unauthorized('missing X-Slack-Signature or X-Slack-Request-Timestamp');
    if (!/^\d{1,12}$/.test(timestamp)) return unauthorized('invalid X-Slack-Request-Timestamp');
    if (Math.abs(now.getTime() / 1000 - Number(timestamp)) > SLACK_MAX_SKEW_SECONDS) return unauthorized('stale or future timestamp');
    const prefix = utf8(`v0:${timestamp}:`);
    const signed = new Uint8Array(prefix.length + bodyBytes.length);
    signed.set(prefix);
    signed.set(bodyBytes, prefix.length);
    if (!(await verifyHexSignature(await hmacKey(), signed, signature, 'v0='))) return unauthorized('invalid signature');

    const isForm = request.headers.get('content-type')?.includes('x-www-form-urlencoded') ?? false;
    const delivery = await toDelivery(body, isForm);
    if (delivery === 'malformed') return malformed('body is not a Slack event, command or interaction');
    const payload = delivery.payload as JsonObject;
    if (!isForm && payload.type === 'url_verification') {
      const challenge = str(payload.challenge);
      if (!challenge) return malformed('url_verification without a challenge');
      return {
        ok: true,
        kind: 'respond',
        confirmsWebhook: true,
        response: webhookResponse(200, { challenge }),
      };
    }
    return { ok: true, kind: 'deliveries', deliveries: [delivery] };
  },
  ack: slackAck,
};
