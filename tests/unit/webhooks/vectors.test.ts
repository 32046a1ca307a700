import { describe, expect, it } from 'vitest';
import { slackWebhook } from '@/lib/integrations/slack/verify-webhook';
import { githubWebhook } from '@/lib/integrations/github/verify-webhook';
import type { WebhookVerifyInput } from '@/lib/integrations/types';
import { importHmacKey, utf8, verifyHexSignature } from '@/lib/integrations/kit/hmac';

// Published vectors: shared/PROVIDERS.md (GitHub docs, Slack docs).
const GITHUB = {
  secret: "It's a Secret to Everybody",
  body: 'Hello, World!',
  signature: 'sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17',
};
const SLACK = {
  secret: '8f742231b10e8888abcd99yyyzzz85a5',
  timestamp: '1531420618',
  body: 'token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c',
  signature: 'v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503',
};

function input(secret: string, body: string, headers: Record<string, string>, now: Date): WebhookVerifyInput {
  const request = new Request('http://localhost/x', { method: 'POST', body, headers });
  return {
    request, url: new URL(request.url), body, bodyBytes: utf8(body), settings: {}, now,
    secret: async () => secret, hmacKey: () => importHmacKey(secret),
  };
}

describe('published signature vectors', () => {
  it('GitHub: the documented X-Hub-Signature-256 verifies, a changed byte does not', async () => {
    const key = await importHmacKey(GITHUB.secret);
    expect(await verifyHexSignature(key, utf8(GITHUB.body), GITHUB.signature, 'sha256=')).toBe(true);
    expect(await verifyHexSignature(key, utf8('Hello, World?'), GITHUB.signature, 'sha256=')).toBe(false);
    expect(await verifyHexSignature(key, utf8(GITHUB.body), GITHUB.signature.replace('757', '758'), 'sha256=')).toBe(false);
    expect(await verifyHexSignature(key, utf8(GITHUB.body), GITHUB.signature.slice(7), 'sha256=')).toBe(false);
  });

  it('GitHub verifier: signature checked before the body is even parsed', async () => {
    const headers = { 'x-hub-signature-256': GITHUB.signature, 'x-github-event': 'ping', 'x-github-delivery': 'd-1' };
    const verdict = await githubWebhook.verify(input(GITHUB.secret, GITHUB.body, headers, new Date()));
    expect(verdict).toEqual({ ok: false, status: 400, reason: 'body is not a JSON object' }); // verified, then malformed
    const bad = await githubWebhook.verify(input('other secret', GITHUB.body, headers, new Date()));
    expect(bad).toMatchObject({ ok: false, status: 401 });
  });

  const slackHeaders = {
    'content-type': 'application/x-www-form-urlencoded',
    'x-slack-request-timestamp': SLACK.timestamp,
    'x-slack-signature': SLACK.signature,
  };
  const at = (offsetSeconds: number) => new Date((Number(SLACK.timestamp) + offsetSeconds) * 1000);

  it('Slack: the documented v0 signature verifies with the clock at the vector time', async () => {
    const verdict = await slackWebhook.verify(input(SLACK.secret, SLACK.body, slackHeaders, at(0)));
    expect(verdict.ok).toBe(true);
    if (!verdict.ok || verdict.kind !== 'deliveries') throw new Error('expected a delivery');
    const [d] = verdict.deliveries;
    expect(d).toMatchObject({ deliveryId: '398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c', eventType: 'slash_command', eventAction: '/webhook-collect' });
    expect(d!.payload).not.toHaveProperty('token'); // the legacy verification token is never stored
  });

  it('Slack: 300 s of skew either way is accepted, 301 s is not (stale and future)', async () => {
    expect((await slackWebhook.verify(input(SLACK.secret, SLACK.body, slackHeaders, at(300)))).ok).toBe(true);
    expect((await slackWebhook.verify(input(SLACK.secret, SLACK.body, slackHeaders, at(-300)))).ok).toBe(true);
    expect(await slackWebhook.verify(input(SLACK.secret, SLACK.body, slackHeaders, at(301)))).toMatchObject({ status: 401, reason: 'stale or future timestamp' });
    expect(await slackWebhook.verify(input(SLACK.secret, SLACK.body, slackHeaders, at(-301)))).toMatchObject({ status: 401 });
  });

  it('Slack: a tampered body or signature is refused', async () => {
    expect(await slackWebhook.verify(input(SLACK.secret, `${SLACK.body}x`, slackHeaders, at(0)))).toMatchObject({ status: 401, reason: 'invalid signature' });
    const tampered = { ...slackHeaders, 'x-slack-signature': SLACK.signature.replace('a2114', 'a2115') };
    expect(await slackWebhook.verify(input(SLACK.secret, SLACK.body, tampered, at(0)))).toMatchObject({ status: 401 });
  });
});
