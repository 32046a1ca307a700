import type { KnownBlock } from '@slack/types';
import type { NotificationTask } from '../types';

/** action_ids of the message's buttons (the interaction handler routes on them). */
export const SLACK_ACTIONS = { done: 'task_done', assignMe: 'task_assign_me', open: 'task_open' } as const;

const STATUS: Record<string, string> = { todo: 'To do', in_progress: 'In progress', done: 'Done', cancelled: 'Cancelled' };

/** Slack mrkdwn escaping: &, <, > (the only characters Slack asks to escape). */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function assigneeText(task: NotificationTask): string {
  if (task.assignees.length === 0) return 'Unassigned';
  return task.assignees.map((a) => escapeMrkdwn(a.name ?? a.email)).join(', ');
}

/** The plain `text` fallback (notifications, screen readers, clients without blocks). */
export function taskFallbackText(task: NotificationTask): string {
  const status = STATUS[task.status] ?? task.status;
  const due = task.dueDate ? `, due ${task.dueDate}` : '';
  return `${task.title} — ${status}, ${task.priority} priority, ${task.assignees.length ? assigneeText(task) : 'unassigned'}${due}`;
}

/** The Block Kit message of a task: linked title, status, priority, assignee, due date, three buttons. */
export function taskBlocks(task: NotificationTask): KnownBlock[] {
  const open = task.status !== 'done' && task.status !== 'cancelled';
  const blocks: KnownBlock[] = [
    { type: 'section', text: { type: 'mrkdwn', text: `*<${task.url}|${escapeMrkdwn(task.title)}>*` } },
    {
      type: 'section',
      fields: [
        { type: 'mrkdwn', text: `*Status*\n${STATUS[task.status] ?? task.status}` },
        { type: 'mrkdwn', text: `*Priority*\n${task.priority}` },
        { type: 'mrkdwn', text: `*Assignee*\n${assigneeText(task)}` },
        { type: 'mrkdwn', text: `*Due*\n${task.dueDate ?? '—'}` },
      ],
    },
    {
      type: 'actions',
      block_id: 'task_actions',
      elements: [
        ...(open
          ? [{ type: 'button' as const, action_id: SLACK_ACTIONS.done, text: { type: 'plain_text' as const, text: 'Mark done' }, style: 'primary' as const, value: task.id }]
          : []),
        { type: 'button', action_id: SLACK_ACTIONS.assignMe, text: { type: 'plain_text', text: 'Assign to me' }, value: task.id },
        { type: 'button', action_id: SLACK_ACTIONS.open, text: { type: 'plain_text', text: 'Open in Taskbridge' }, url: task.url, value: task.id },
      ],
    },
  ];
  return blocks;
}
