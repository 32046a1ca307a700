import type { KnownBlock } from '@slack/types';

export type SlackReply = {
  text: string;
  blocks?: KnownBlock[];
  response_type?: 'ephemeral' | 'in_channel';
  replace_original?: boolean;
  delete_original?: boolean;
};

/**
 * Is `raw` a response_url we may POST to: Slack's hooks host, or the configured API base's
 * origin (the fake in tests). Nothing else: the URL comes from a request body.
 */
export function allowedResponseUrl(raw: unknown, apiBaseUrl: string): URL | null {
  if (typeof raw !== 'string') return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol === 'https:' && url.hostname === 'hooks.slack.com') return url;
  try {
    return url.origin === new URL(apiBaseUrl).origin ? url : null;
  } catch {
    return null;
  }
}

/**
 * Answers a command or a button later through its `response_url` (up to 5 posts within 30
 * minutes). The response_url is a webhook, not a Web API method: the SDK has no call for it.
 */
export async function respond(responseUrl: unknown, apiBaseUrl: string, reply: SlackReply): Promise<boolean> {
  const url = allowedResponseUrl(responseUrl, apiBaseUrl);
  if (!url) return false;
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ response_type: 'ephemeral', ...reply }),
    redirect: 'error',
    signal: AbortSignal.timeout(10_000),
  });
  if (!res.ok) throw new Error(`Slack response_url answered ${res.status}`);
  return true;
}

/**
 * respond() for answers given after a write: a lost answer must not fail the delivery (its
 * retry would write again), so failures are logged and swallowed.
 */
export async function respondQuietly(responseUrl: unknown, apiBaseUrl: string, reply: SlackReply): Promise<boolean> {
  try {
    return await respond(responseUrl, apiBaseUrl, reply);
  } catch (err) {
    console.error('[slack] response_url answer lost:', err instanceof Error ? err.message : typeof err);
    return false;
  }
}
