import type { LocalChange } from '../contract/changes';
import type { NotificationTask, NotifyCapability } from '../types';
import {
  claimSlackNotification, claimSlackTaskPost, finishSlackNotification, forgetSlackTaskMessage, getSlackTaskMessage, releaseSlackTaskPost, saveSlackTaskMessage,
} from '@/db/queries/slack';
import { UserFacingError } from '@/lib/errors';
import { logAction } from '@/db/queries/integration-logs';
import { recordConnectionStatus } from '@/db/queries/integrations';
import type { KnownBlock } from '@slack/types';
import type { WebClient } from '@slack/web-api';
import { clientFor, recordSlackProblem, slackErrorCode } from './client';
import { channelPace } from './pace';
import { readSlackSettings, type SlackNotifyEvent } from './schema';
import { escapeMrkdwn, taskBlocks, taskFallbackText } from './task-message';

/** The notification kinds a change is (a status edit to done is "completed", not "status changed"). */
export function eventsOf(change: LocalChange): SlackNotifyEvent[] {
  const fields = new Set(change.fields);
  switch (change.kind) {
    case 'task.created':
      return ['task_created'];
    case 'comment.created':
      return ['commented'];
    case 'task.updated': {
      const events: SlackNotifyEvent[] = [];
      if (fields.has('status')) events.push(change.after?.status === 'done' ? 'completed' : 'status_changed');
      if (fields.has('assigneeIds')) events.push('assigned');
      if (fields.has('dueDate')) events.push('due_date_changed');
      return events;
    }
    case 'milestone.updated':
      // Recorded hourly by lib/changes/milestone-deadlines.ts: fields name what happened.
      return [...(fields.has('dueSoon') ? ['milestone_due_soon' as const] : []), ...(fields.has('reached') ? ['milestone_reached' as const] : [])];
    default:
      return [];
  }
}

function wanted(change: LocalChange, settings: Record<string, unknown>): SlackNotifyEvent[] {
  const on = new Set(readSlackSettings(settings).notifyOn);
  return eventsOf(change).filter((e) => on.has(e));
}

/** The short thread reply under the task's message, for changes that deserve one. */
function threadReply(change: LocalChange, events: SlackNotifyEvent[], task: NotificationTask): string | null {
  const after = change.after ?? {};
  const lines: string[] = [];
  if (events.includes('completed')) lines.push('✅ Marked done');
  else if (events.includes('status_changed')) lines.push(`Status → ${String(after.status ?? task.status).replace('_', ' ')}`);
  if (events.includes('assigned')) {
    lines.push(`Assigned to ${task.assignees.length ? task.assignees.map((a) => escapeMrkdwn(a.name ?? a.email)).join(', ') : 'nobody'}`);
  }
  if (events.includes('due_date_changed')) lines.push(`Due date → ${task.dueDate ?? 'none'}`);
  if (events.includes('commented')) {
    const body = typeof after.body === 'string' ? after.body : '';
    lines.push(body ? `💬 ${escapeMrkdwn(body.slice(0, 300))}` : '💬 New comment');
  }
  return lines.length ? lines.join('\n') : null;
}

function milestoneText(change: LocalChange, events: SlackNotifyEvent[]): string {
  const title = escapeMrkdwn(String(change.after?.title ?? 'A milestone'));
  const due = change.after?.dueDate ? ` (due ${String(change.after.dueDate)})` : '';
  return events.includes('milestone_reached') ? `🏁 Milestone *${title}* reached${due}` : `⏰ Milestone *${title}* is due soon${due}`;
}

/** Retried by the fan-out: by then the task's message exists and is updated instead. */
export class SlackPostInFlightError extends UserFacingError {
  override name = 'SlackPostInFlightError';
  constructor() {
    super('The task\'s Slack message is being posted by another notification; this one is retried to update it.');
  }
}

/** chat.update of the stored message; false when Slack no longer has it (deleted by someone). */
async function updated(client: WebClient, existing: { channel: string; ts: string }, message: { text: string; blocks: KnownBlock[] }) {
  try {
    await client.chat.update({ channel: existing.channel, ts: existing.ts, ...message });
    return true;
  } catch (err) {
    if (slackErrorCode(err) === 'message_not_found') return false;
    throw err;
  }
}

/**
 * `notify` for Slack. accepts: a change of an enabled kind, or any task edit (it refreshes a
 * message already posted, never posts a new one). send: idempotent on change.id; the first
 * notified change of a task posts its Block Kit message (channel + ts stored), later ones
 * `chat.update` it and reply in its thread when the change is of an enabled kind.
 */
export const slackNotify: NotifyCapability = {
  accepts(change, settings) {
    if (wanted(change, settings).length > 0) return true;
    return change.taskId != null && (change.kind === 'task.updated' || change.kind === 'task.deleted');
  },
  async send({ db, integration, connection }, change, task) {
    const channel = integration.externalId;
    if (!channel) return { posted: false, detail: { reason: 'no channel chosen' } };
    if (!(await claimSlackNotification(db, integration.id, change.id))) return { posted: false, detail: { duplicate: true } };
    let sent = false;
    try {
      const client = await clientFor(connection);
      const events = wanted(change, integration.settings);
      const detail: Record<string, unknown> = { events };
      if (change.kind.startsWith('milestone.')) {
        if (events.length === 0) return { posted: false, detail };
        await channelPace(channel);
        const res = await client.chat.postMessage({ channel, text: milestoneText(change, events), mrkdwn: true });
        sent = true;
        return { posted: true, detail: { ...detail, ts: res.ts } };
      }
      if (!task || !change.taskId) return { posted: false, detail: { ...detail, reason: 'task gone' } };
      const stored = await getSlackTaskMessage(db, integration.id, task.id);
      if (stored && !stored.ts) throw new SlackPostInFlightError(); // another change of this task is posting it
      const existing = stored;
      if (existing && change.kind === 'task.deleted') {
        await client.chat.update({ channel: existing.channel, ts: existing.ts, text: `~${task.title}~ (deleted)`, blocks: [] });
        await forgetSlackTaskMessage(db, integration.id, task.id);
        sent = true;
        return { posted: true, detail: { ...detail, deleted: true } };
      }
      const message = { text: taskFallbackText(task), blocks: taskBlocks(task) };
      if (existing && !(await updated(client, existing, message))) {
        await forgetSlackTaskMessage(db, integration.id, task.id); // deleted in Slack: post a new one below
      } else if (existing) {
        const reply = threadReply(change, events, task);
        if (reply) {
          await channelPace(existing.channel);
          await client.chat.postMessage({ channel: existing.channel, thread_ts: existing.ts, text: reply, mrkdwn: true });
        }
        sent = true;
        return { posted: true, detail: { ...detail, updated: existing.ts, threadReply: reply != null } };
      }
      if (events.length === 0) return { posted: false, detail: { ...detail, reason: 'nothing to refresh' } };
      if (!(await claimSlackTaskPost(db, integration.id, task.id, channel))) throw new SlackPostInFlightError();
      let res;
      try {
        await channelPace(channel);
        res = await client.chat.postMessage({ channel, ...message, unfurl_links: false });
      } catch (err) {
        await releaseSlackTaskPost(db, integration.id, task.id);
        throw err;
      }
      sent = true;
      if (res.ts) await saveSlackTaskMessage(db, integration.id, task.id, res.channel ?? channel, res.ts);
      else await releaseSlackTaskPost(db, integration.id, task.id);
      await logAction(db, {
        actionType: 'api_call',
        status: 'success',
        providerId: integration.providerId,
        integrationId: integration.id,
        description: `Posted “${task.title.slice(0, 100)}” to ${channel}.`,
        details: { changeId: change.id, taskId: task.id, ts: res.ts ?? null, events },
      }).catch(() => {});
      if (integration.connectionStatus !== 'connected') {
        await recordConnectionStatus(db, integration.id, { connectionStatus: 'connected', connectionError: null });
      }
      return { posted: true, detail: { ...detail, ts: res.ts } };
    } catch (err) {
      await recordSlackProblem(db, integration, err);
      throw err;
    } finally {
      // Nothing reached Slack: release the claim so the retry sends; otherwise it is final.
      await finishSlackNotification(db, integration.id, change.id, sent);
    }
  },
};
