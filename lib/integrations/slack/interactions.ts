import type { WebClient } from '@slack/web-api';
import type { InboundContext } from '../types';
import { findSlackTaskMessageByTs, saveSlackTaskMessage } from '@/db/queries/slack';
import { getTask } from '@/db/queries/tasks';
import { AppError } from '@/lib/errors';
import { taskUrl } from '@/lib/tasks/task-url';
import { modalTitle } from './ack';
import { slackActor } from './members';
import { MESSAGE_SHORTCUT_CALLBACK, prefillFromMessage, readModalMetadata, TASK_MODAL_CALLBACK, taskModal } from './modal';
import { respondQuietly as respond } from './respond';
import { createTaskFromSlack, editTaskFromSlack, toNotificationTask } from './task-ops';
import { escapeMrkdwn, SLACK_ACTIONS, taskBlocks, taskFallbackText } from './task-message';

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (v && typeof v === 'object' ? (v as Obj) : {});
const str = (v: unknown): string | null => (typeof v === 'string' && v ? v : null);

/**
 * A button on a task message ("Mark done", "Assign to me"): the clicker is mapped to a member
 * and the edit applied with their permissions (applyTaskEdit), then the message is updated
 * in place. A stranger gets an ephemeral answer and the task is left alone.
 */
export async function processBlockActions(ctx: InboundContext, client: WebClient, apiBaseUrl: string, payload: Obj) {
  const action = (Array.isArray(payload.actions) ? payload.actions : []).map(obj)[0] ?? {};
  const actionId = str(action.action_id);
  const taskId = str(action.value);
  const responseUrl = payload.response_url;
  if (actionId !== SLACK_ACTIONS.done && actionId !== SLACK_ACTIONS.assignMe) return { action: actionId, ignored: true };
  const reply = (text: string) => respond(responseUrl, apiBaseUrl, { text, response_type: 'ephemeral', replace_original: false });
  const projectId = ctx.integration.projectId;
  const task = taskId ? await getTask(ctx.db, projectId, taskId).catch(() => undefined) : undefined;
  if (!task) {
    await reply('This task no longer exists in Taskbridge (deleted, or of another project).');
    return { action: actionId, refused: 'not_found' };
  }
  const actor = await slackActor(ctx.db, client, projectId, str(obj(payload.user).id) ?? '');
  if (!actor.ok) {
    await reply(actor.message);
    return { action: actionId, refused: 'not_a_member' };
  }
  const origin = { actorUserId: actor.member.userId, originIntegrationId: ctx.integration.id };
  let updated = task;
  if (actionId === SLACK_ACTIONS.done && task.status !== 'done') {
    updated = await editTaskFromSlack(ctx.db, projectId, task.id, { status: 'done' }, origin);
  } else if (actionId === SLACK_ACTIONS.assignMe && !task.assigneeIds.includes(actor.member.userId)) {
    updated = await editTaskFromSlack(ctx.db, projectId, task.id, { assigneeIds: [...task.assigneeIds, actor.member.userId] }, origin);
  }
  // The message the button was on shows the new state.
  const container = obj(payload.container);
  const channel = str(container.channel_id) ?? str(obj(payload.channel).id);
  const ts = str(container.message_ts) ?? str(obj(payload.message).ts);
  if (channel && ts) {
    const shown = await toNotificationTask(ctx.db, updated);
    await client.chat.update({ channel, ts, text: taskFallbackText(shown), blocks: taskBlocks(shown) });
    if (!(await findSlackTaskMessageByTs(ctx.db, ctx.integration.id, channel, ts))) {
      await saveSlackTaskMessage(ctx.db, ctx.integration.id, task.id, channel, ts);
    }
  }
  return { action: actionId, taskId: task.id, changed: updated !== task };
}

/** The message shortcut "Create task from message": the form, pre-filled with the text and its permalink. */
export async function processMessageAction(client: WebClient, payload: Obj) {
  if (str(payload.callback_id) !== MESSAGE_SHORTCUT_CALLBACK) return { ignored: true };
  const channel = str(obj(payload.channel).id);
  const message = obj(payload.message);
  const ts = str(message.ts) ?? str(payload.message_ts);
  // views.open first: the trigger_id expires 3 s after the click.
  const prefill = prefillFromMessage(str(message.text) ?? '', null);
  const opened = await client.views.open({ trigger_id: str(payload.trigger_id) ?? '', view: taskModal({ channel }, prefill) });
  let permalink: string | null = null;
  if (channel && ts) {
    permalink = (await client.chat.getPermalink({ channel, message_ts: ts }).catch(() => null))?.permalink ?? null;
  }
  if (permalink && opened.view?.id) {
    const full = prefillFromMessage(str(message.text) ?? '', permalink);
    await client.views.update({ view_id: opened.view.id, hash: opened.view.hash, view: taskModal({ channel, permalink }, full) });
  }
  return { modal: true, permalink: permalink != null };
}

/** The "Create task" form submitted: the ack validated the title; create as the mapped member. */
export async function processViewSubmission(ctx: InboundContext, client: WebClient, payload: Obj) {
  const view = obj(payload.view);
  if (str(view.callback_id) !== TASK_MODAL_CALLBACK) return { ignored: true };
  const meta = readModalMetadata(view.private_metadata);
  const userId = str(obj(payload.user).id) ?? '';
  const tell = async (text: string) => {
    if (meta.channel) await client.chat.postEphemeral({ channel: meta.channel, user: userId, text }).catch(() => undefined);
  };
  const actor = await slackActor(ctx.db, client, ctx.integration.projectId, userId);
  if (!actor.ok) {
    await tell(actor.message);
    return { refused: 'not_a_member' };
  }
  const values = obj(obj(view.state).values);
  const description = str(obj(obj(values.description).description).value) ?? '';
  try {
    const origin = { actorUserId: actor.member.userId, originIntegrationId: ctx.integration.id };
    const task = await createTaskFromSlack(ctx.db, ctx.integration.projectId, actor.member, origin, { title: modalTitle(payload), description });
    await tell(`Created <${taskUrl(task.projectId, task.id)}|${escapeMrkdwn(task.title)}>.`);
    return { taskId: task.id };
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    await tell(`Not created: ${err.userMessage}`);
    return { refused: err.code };
  }
}
