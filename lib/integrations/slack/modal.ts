import type { ModalView } from '@slack/types';

export const TASK_MODAL_CALLBACK = 'taskbridge_create_task';
export const MESSAGE_SHORTCUT_CALLBACK = 'taskbridge_task_from_message';

export type ModalMetadata = { channel: string | null; permalink?: string | null };

/** The "Create task" form: `/task create` with no title, and the message shortcut (pre-filled). */
export function taskModal(meta: ModalMetadata, prefill: { title?: string; description?: string } = {}): ModalView {
  return {
    type: 'modal',
    callback_id: TASK_MODAL_CALLBACK,
    private_metadata: JSON.stringify(meta).slice(0, 3000),
    title: { type: 'plain_text', text: 'Create task' },
    submit: { type: 'plain_text', text: 'Create' },
    close: { type: 'plain_text', text: 'Cancel' },
    blocks: [
      {
        type: 'input',
        block_id: 'title',
        label: { type: 'plain_text', text: 'Title' },
        element: { type: 'plain_text_input', action_id: 'title', max_length: 200, ...(prefill.title ? { initial_value: prefill.title } : {}) },
      },
      {
        type: 'input',
        block_id: 'description',
        optional: true,
        label: { type: 'plain_text', text: 'Description' },
        element: {
          type: 'plain_text_input',
          action_id: 'description',
          multiline: true,
          max_length: 3000,
          ...(prefill.description ? { initial_value: prefill.description } : {}),
        },
      },
    ],
  };
}

/** A message's first line as a title (≤ 200), its text and permalink as the description. */
export function prefillFromMessage(text: string, permalink: string | null): { title: string; description: string } {
  const plain = text.replace(/<([^|>]+)\|([^>]+)>/g, '$2').replace(/<([^>]+)>/g, '$1').trim();
  const first = plain.split('\n')[0]!.trim() || 'Task from Slack';
  const title = first.length > 200 ? `${first.slice(0, 197)}…` : first;
  const description = [plain.slice(0, 2800), permalink ? `From Slack: ${permalink}` : ''].filter(Boolean).join('\n\n');
  return { title, description };
}

export function readModalMetadata(raw: unknown): ModalMetadata {
  try {
    const v = JSON.parse(typeof raw === 'string' ? raw : '{}') as Record<string, unknown>;
    return { channel: typeof v.channel === 'string' ? v.channel : null, permalink: typeof v.permalink === 'string' ? v.permalink : null };
  } catch {
    return { channel: null };
  }
}
