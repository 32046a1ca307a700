import type { ConversationsListResponse } from '@slack/web-api';
import type { ExternalIdOptions, IntegrationConnection } from '../types';
import { AppError, UserFacingError } from '@/lib/errors';
import { clientFor, isRevokedError, problemFor, SlackNotConnectedError, slackErrorCode } from './client';
import { isSlackChannelName } from './schema';

const MAX_PAGES = 25;
type SlackChannel = NonNullable<ConversationsListResponse['channels']>[number];

/**
 * The channels the bot can see, a page at a time: `conversations.list` paged by cursor (200 a
 * page, archived ones left out). Slack lists private channels to a bot only where it is a member.
 */
async function* channelPages(connection: IntegrationConnection): AsyncGenerator<SlackChannel[]> {
  const client = await clientFor(connection);
  let pages = 0;
  for await (const page of client.paginate('conversations.list', { types: 'public_channel,private_channel', exclude_archived: true, limit: 200 })) {
    yield (page as ConversationsListResponse).channels ?? [];
    if (++pages >= MAX_PAGES) break;
  }
}

/**
 * The channel picker. Public channels without the bot are listed but not usable until it is
 * invited, hence the hint.
 */
export async function listSlackChannels(connection: IntegrationConnection): Promise<ExternalIdOptions> {
  const options: ExternalIdOptions['options'] = [];
  try {
    for await (const channels of channelPages(connection)) {
      for (const c of channels) {
        if (!c.id || !c.name) continue;
        const usable = c.is_member === true;
        options.push({
          id: c.id,
          label: `${c.is_private ? '🔒 ' : '#'}${c.name}`,
          usable,
          ...(usable ? {} : { note: 'the bot is not in this channel: /invite @Taskbridge there first' }),
        });
      }
    }
  } catch (err) {
    if (err instanceof SlackNotConnectedError) throw err;
    const problem = problemFor(slackErrorCode(err), null);
    throw new UserFacingError(problem?.message ?? 'Slack could not list the channels; try again.');
  }
  options.sort((a, b) => Number(b.usable) - Number(a.usable) || a.label.localeCompare(b.label));
  return {
    options,
    hint: 'Private channels appear only once the bot is a member: in the channel, type /invite @Taskbridge, then reload the list.',
  };
}

/**
 * On save: a channel typed by name (`#general`) becomes its id, found through the same
 * listing as the picker (stopping at the first match). Without a bot token the name cannot be
 * looked up, so the save is refused with a field message saying how to go on: the token and the
 * name can be saved together. An id is kept as it is, without asking Slack.
 */
export async function resolveSlackChannel(connection: IntegrationConnection, value: string): Promise<{ id: string; name?: string }> {
  if (!isSlackChannelName(value)) return { id: value };
  const name = value.slice(1);
  try {
    for await (const channels of channelPages(connection)) {
      const found = channels.find((c) => c.name === name && c.id);
      if (found) return { id: found.id!, name: `#${name}` };
    }
  } catch (err) {
    if (err instanceof SlackNotConnectedError) {
      throw new AppError('bad_request', `Slack is not connected yet, so #${name} cannot be looked up: paste the bot token above (or connect Slack) and save again, or paste the channel id (C0…)`, 'externalId');
    }
    const code = slackErrorCode(err);
    if (isRevokedError(code)) throw new AppError('bad_request', problemFor(code, null)!.message, 'accessToken');
    throw new AppError('unavailable', `Slack could not list the channels to find #${name}: try again, or paste the channel id (C0…)`, 'externalId');
  }
  throw new AppError('bad_request', `No channel named #${name} that the Taskbridge app can see — invite the app or paste the channel id`, 'externalId');
}
