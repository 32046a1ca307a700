import type { WebClient } from '@slack/web-api';
import type { InboundContext } from '../types';
import { listMembers } from '@/db/queries/members';
import { normalizeEmail } from '@/db/queries/users';
import { AppError } from '@/lib/errors';
import { taskUrl } from '@/lib/tasks/task-url';
import { slackErrorCode } from './client';
import { parseSlashCommand } from './commands-text';
import { slackActor } from './members';
import { taskModal } from './modal';
import { respondQuietly as respond } from './respond';
import { createTaskFromSlack, editTaskFromSlack, findTaskByRef, openTasks, taskLine } from './task-ops';
import { escapeMrkdwn } from './task-message';

type Form = Record<string, string | undefined>;

/** `@name` (as typed) or `<@U…>` → member ids; names not found are reported, not guessed. */
async function resolveMentions(ctx: InboundContext, client: WebClient, mentions: string[]) {
  const members = await listMembers(ctx.db, ctx.integration.projectId);
  const ids: string[] = [];
  const unknown: string[] = [];
  for (const m of mentions) {
    let found;
    if (m.startsWith('@')) {
      const name = m.slice(1).toLowerCase();
      found = members.find((x) => x.email.split('@')[0]!.toLowerCase() === name || x.name?.toLowerCase().replace(/\s+/g, '.') === name);
    } else {
      const info = await client.users.info({ user: m }).catch(() => null);
      const email = info?.user?.profile?.email;
      found = email ? members.find((x) => normalizeEmail(x.email) === normalizeEmail(email)) : undefined;
    }
    if (found) ids.push(found.userId);
    else unknown.push(m.startsWith('@') ? m : `<@${m}>`);
  }
  return { ids, unknown };
}

/**
 * `/task …` after the ack: the ack already answered help, unknown sub-commands and parse
 * errors; here the Slack user is mapped to a member first, then the command runs and
 * answers through response_url (ephemeral: only the caller sees it).
 */
export async function processSlashCommand(ctx: InboundContext, client: WebClient, apiBaseUrl: string, form: Form) {
  const command = parseSlashCommand(form.text ?? '');
  const reply = (text: string) => respond(form.response_url, apiBaseUrl, { text, response_type: 'ephemeral' });
  if (command.kind === 'help' || command.kind === 'unknown') return { command: command.kind, answeredInAck: true };
  if (command.kind === 'create' && command.errors.length) return { command: 'create', refused: 'parse', answeredInAck: true };
  if (ctx.integration.settings.slashCommandEnabled === false) {
    await reply('`/task` is turned off for this channel\'s Taskbridge integration.');
    return { command: command.kind, refused: 'disabled' };
  }
  if (command.kind === 'create' && !command.title) {
    // The trigger_id lives 3 s: the in-process drain runs this right after the ack.
    try {
      await client.views.open({ trigger_id: form.trigger_id ?? '', view: taskModal({ channel: form.channel_id ?? null }) });
    } catch (err) {
      const code = slackErrorCode(err);
      if (code !== 'expired_trigger_id' && code !== 'invalid_trigger_id') throw err;
      await reply('The form could not open in time. Try again, or give the title inline: `/task create <title>`.');
      return { command: 'create', modal: false, error: code };
    }
    return { command: 'create', modal: true };
  }
  const actor = await slackActor(ctx.db, client, ctx.integration.projectId, form.user_id ?? '');
  if (!actor.ok) {
    await reply(actor.message);
    return { command: command.kind, refused: 'not_a_member' };
  }
  const projectId = ctx.integration.projectId;
  const origin = { actorUserId: actor.member.userId, originIntegrationId: ctx.integration.id };
  switch (command.kind) {
    case 'create': {
      const mentions = await resolveMentions(ctx, client, command.mentions);
      if (mentions.unknown.length) {
        await reply(`Not created: ${mentions.unknown.join(', ')} ${mentions.unknown.length === 1 ? 'is' : 'are'} not a member of this project.`);
        return { command: 'create', refused: 'unknown_assignee' };
      }
      try {
        const task = await createTaskFromSlack(ctx.db, projectId, actor.member, origin, {
          title: command.title,
          labels: command.labels,
          assigneeIds: mentions.ids,
          dueDate: command.due,
          priority: command.priority,
        });
        await reply(`Created <${taskUrl(projectId, task.id)}|${escapeMrkdwn(task.title)}> (\`${task.id.slice(0, 8)}\`).`);
        return { command: 'create', taskId: task.id };
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        await reply(`Not created: ${err.userMessage}`);
        return { command: 'create', refused: err.code };
      }
    }
    case 'list': {
      const mine = command.all ? [] : await openTasks(ctx.db, projectId, actor.member.userId);
      const list = mine.length ? mine : await openTasks(ctx.db, projectId, null);
      const heading = mine.length ? '*Your open tasks*' : command.all ? '*Open tasks in this project*' : '*You have no open tasks. The project\'s open tasks:*';
      await reply(list.length ? `${heading}\n${list.map(taskLine).join('\n')}` : 'No open tasks in this project.');
      return { command: 'list', count: list.length };
    }
    case 'done': {
      const found = await findTaskByRef(ctx.db, projectId, command.ref);
      if ('message' in found) {
        await reply(found.message);
        return { command: 'done', refused: 'ref' };
      }
      if (found.task.status === 'done') {
        await reply(`${escapeMrkdwn(found.task.title)} is already done.`);
        return { command: 'done', taskId: found.task.id, unchanged: true };
      }
      const task = await editTaskFromSlack(ctx.db, projectId, found.task.id, { status: 'done' }, origin);
      await reply(`✅ Marked <${taskUrl(projectId, task.id)}|${escapeMrkdwn(task.title)}> done.`);
      return { command: 'done', taskId: task.id };
    }
  }
}
