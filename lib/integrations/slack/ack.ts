import type { VerifiedDelivery } from '../types';
import { webhookResponse } from '@/lib/webhooks/responses';
import { parseSlashCommand, SLASH_HELP } from './commands-text';

/** An empty 200: Slack shows nothing, and the processor answers through response_url or the Web API. */
const empty = () => new Response(null, { status: 200 });
const ephemeral = (text: string) => webhookResponse(200, { response_type: 'ephemeral', text });

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (v && typeof v === 'object' ? (v as Obj) : {});

/** A modal's title input, read from view.state.values (block `title`, action `title`). */
export function modalTitle(payload: Obj): string {
  const values = obj(obj(obj(payload.view).state).values);
  const value = obj(obj(values.title).title).value;
  return typeof value === 'string' ? value.trim() : '';
}

/**
 * The immediate reply (within Slack's 3 s), after the delivery is stored. Edge-safe: no
 * Web API calls here. `help` and unknown sub-commands are answered now; everything else
 * gets an empty 200 and is answered by the processor (response_url, views.open, chat.update).
 * A modal submitted without a title is refused now, so Slack shows the error in the form.
 */
export async function slackAck(deliveries: VerifiedDelivery[]): Promise<Response | null> {
  const [delivery] = deliveries;
  if (!delivery) return null;
  const payload = obj(delivery.payload);
  switch (delivery.eventType) {
    case 'slash_command': {
      const command = parseSlashCommand(typeof payload.text === 'string' ? payload.text : '');
      if (command.kind === 'help') return ephemeral(SLASH_HELP);
      if (command.kind === 'unknown') return ephemeral(`I don't know "${command.word}".\n${SLASH_HELP}`);
      if (command.kind === 'create' && command.errors.length) return ephemeral(`Not created: ${command.errors.join('; ')}.`);
      return empty();
    }
    case 'view_submission':
      if (!modalTitle(payload)) return webhookResponse(200, { response_action: 'errors', errors: { title: 'Enter a title.' } });
      return empty();
    case 'block_actions':
    case 'message_action':
    case 'shortcut':
    case 'view_closed':
      return empty();
    default:
      return null; // Events API: the default 202 is an acknowledgement
  }
}
