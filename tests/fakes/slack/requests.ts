import { createHmac } from 'node:crypto';
import type { AppUninstalledEvent, KnownBlock, ModalView, TokensRevokedEvent } from '@slack/types';

/**
 * What Slack sends to our endpoint, typed: Events API envelopes use @slack/types' event
 * types; interaction payloads (not in @slack/types) are typed here from Slack's reference,
 * reusing its KnownBlock and ModalView. Fixtures are built with `satisfies`, so a misspelt
 * field or a wrong literal does not compile.
 */
export type SlashCommandForm = {
  team_id: string; team_domain: string; channel_id: string; channel_name: string; user_id: string; user_name: string;
  command: string; text: string; api_app_id: string; response_url: string; trigger_id: string;
};
type Team = { id: string; domain: string };
type User = { id: string; username: string; name: string; team_id: string };
export type ButtonAction = {
  type: 'button'; action_id: string; block_id: string; value?: string; action_ts: string; text: { type: 'plain_text'; text: string };
};
export type BlockActionsPayload = {
  type: 'block_actions'; team: Team; user: User; api_app_id: string; trigger_id: string; response_url: string;
  container: { type: 'message'; message_ts: string; channel_id: string; is_ephemeral: boolean };
  channel: { id: string; name: string };
  message: { type: 'message'; ts: string; text: string; blocks: KnownBlock[] };
  actions: ButtonAction[];
};
export type ViewStateValue = { type: 'plain_text_input'; value: string | null };
export type ViewSubmissionPayload = {
  type: 'view_submission'; team: Team; user: User; api_app_id: string; trigger_id: string;
  view: ModalView & { id: string; hash: string; state: { values: Record<string, Record<string, ViewStateValue>> } };
};
export type MessageActionPayload = {
  type: 'message_action'; callback_id: string; trigger_id: string; response_url: string; team: Team; user: User;
  channel: { id: string; name: string }; message_ts: string; message: { type: 'message'; ts: string; text: string; user: string };
};
export type EventEnvelope<E> = {
  type: 'event_callback'; team_id: string; api_app_id: string; event: E; event_id: string; event_time: number;
};

const TEAM: Team = { id: 'T0FAKE001', domain: 'acme' };
const user = (id: string): User => ({ id, username: id.toLowerCase(), name: id.toLowerCase(), team_id: TEAM.id });

export function slashCommand(o: { text: string; userId: string; channelId?: string; responseUrl: string; triggerId?: string }): SlashCommandForm {
  return {
    team_id: TEAM.id, team_domain: TEAM.domain, channel_id: o.channelId ?? 'C0GENERAL1', channel_name: 'general',
    user_id: o.userId, user_name: o.userId.toLowerCase(), command: '/task', text: o.text, api_app_id: 'A0FAKE001',
    response_url: o.responseUrl, trigger_id: o.triggerId ?? `${Date.now()}.${Math.floor(Math.random() * 1e9)}.trigger`,
  } satisfies SlashCommandForm;
}

export function buttonClick(o: {
  actionId: 'task_done' | 'task_assign_me'; taskId: string; userId: string; channel: string; ts: string; responseUrl: string; blocks?: KnownBlock[];
}): BlockActionsPayload {
  return {
    type: 'block_actions', team: TEAM, user: user(o.userId), api_app_id: 'A0FAKE001',
    trigger_id: `${Date.now()}.${Math.floor(Math.random() * 1e9)}.trigger`, response_url: o.responseUrl,
    container: { type: 'message', message_ts: o.ts, channel_id: o.channel, is_ephemeral: false },
    channel: { id: o.channel, name: 'general' },
    message: { type: 'message', ts: o.ts, text: '', blocks: o.blocks ?? [] },
    actions: [{
      type: 'button', action_id: o.actionId, block_id: 'task_actions', value: o.taskId, action_ts: `${Date.now() / 1000}`,
      text: { type: 'plain_text', text: o.actionId === 'task_done' ? 'Mark done' : 'Assign to me' },
    }],
  } satisfies BlockActionsPayload;
}

export function viewSubmission(o: { userId: string; title: string; description?: string; channel?: string | null }): ViewSubmissionPayload {
  return {
    type: 'view_submission', team: TEAM, user: user(o.userId), api_app_id: 'A0FAKE001', trigger_id: `${Date.now()}.${Math.random()}.t`,
    view: {
      id: 'V00000001', hash: '1.hash', type: 'modal', callback_id: 'taskbridge_create_task',
      private_metadata: JSON.stringify({ channel: o.channel ?? 'C0GENERAL1' }),
      title: { type: 'plain_text', text: 'Create task' }, blocks: [],
      state: { values: { title: { title: { type: 'plain_text_input', value: o.title } }, description: { description: { type: 'plain_text_input', value: o.description ?? null } } } },
    },
  } satisfies ViewSubmissionPayload;
}

export function messageShortcut(o: { userId: string; channel: string; ts: string; text: string; responseUrl: string; triggerId?: string }): MessageActionPayload {
  return {
    type: 'message_action', callback_id: 'taskbridge_task_from_message', trigger_id: o.triggerId ?? `${Date.now()}.t`, response_url: o.responseUrl,
    team: TEAM, user: user(o.userId), channel: { id: o.channel, name: 'general' }, message_ts: o.ts,
    message: { type: 'message', ts: o.ts, text: o.text, user: 'U0SOMEONE' },
  } satisfies MessageActionPayload;
}

export function appUninstalled(eventId = `Ev${Date.now()}`): EventEnvelope<AppUninstalledEvent> {
  return { type: 'event_callback', team_id: TEAM.id, api_app_id: 'A0FAKE001', event: { type: 'app_uninstalled' }, event_id: eventId, event_time: Math.floor(Date.now() / 1000) } satisfies EventEnvelope<AppUninstalledEvent>;
}

export function tokensRevoked(eventId = `Ev${Date.now()}`): EventEnvelope<TokensRevokedEvent> {
  return {
    type: 'event_callback', team_id: TEAM.id, api_app_id: 'A0FAKE001', event: { type: 'tokens_revoked', tokens: { bot: ['U0BOT0001'] } },
    event_id: eventId, event_time: Math.floor(Date.now() / 1000),
  } satisfies EventEnvelope<TokensRevokedEvent>;
}

/** A signed request as Slack sends it: the body (form or JSON) and its headers. */
export function signedSlackRequest(
  secret: string,
  what: { form: SlashCommandForm } | { interaction: BlockActionsPayload | ViewSubmissionPayload | MessageActionPayload } | { event: EventEnvelope<unknown> },
  opts: { timestamp?: number; retryNum?: number } = {},
): { body: string; headers: Record<string, string> } {
  const body = 'form' in what
    ? new URLSearchParams(what.form).toString()
    : 'interaction' in what
      ? new URLSearchParams({ payload: JSON.stringify(what.interaction) }).toString()
      : JSON.stringify(what.event);
  const ts = String(opts.timestamp ?? Math.floor(Date.now() / 1000));
  const signature = `v0=${createHmac('sha256', secret).update(`v0:${ts}:${body}`).digest('hex')}`;
  return {
    body,
    headers: {
      'content-type': 'event' in what ? 'application/json' : 'application/x-www-form-urlencoded',
      'x-slack-request-timestamp': ts,
      'x-slack-signature': signature,
      ...(opts.retryNum != null ? { 'x-slack-retry-num': String(opts.retryNum), 'x-slack-retry-reason': 'http_timeout' } : {}),
    },
  };
}

/** POSTs a signed request to our endpoint over HTTP (e2e). */
export async function sendToTaskbridge(appUrl: string, integrationId: string, signed: { body: string; headers: Record<string, string> }) {
  return fetch(`${appUrl}/integrations/webhooks/slack/${integrationId}/`, { method: 'POST', body: signed.body, headers: signed.headers });
}
