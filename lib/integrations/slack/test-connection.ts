import type { ConnectionResult, IntegrationConnection } from '../types';
import { clientFor, isRevokedError, problemFor, slackErrorCode } from './client';

/**
 * "Test connection": `auth.test` checks the bot token; when a channel is chosen,
 * `conversations.info` checks the bot can see it and is a member (else: the invite hint).
 */
export async function testSlackConnection(connection: IntegrationConnection): Promise<ConnectionResult> {
  if (!(await connection.accessToken())) {
    return { ok: false, problem: 'reconnect_needed', message: 'No Slack bot token is stored: paste the bot token (xoxb-…).' };
  }
  const client = await clientFor(connection);
  try {
    const auth = await client.auth.test();
    const team = auth.team ?? auth.team_id ?? 'Slack';
    if (!connection.externalId) {
      return { ok: true, externalName: team, details: { team: auth.team_id, botUserId: auth.user_id } };
    }
    const info = await client.conversations.info({ channel: connection.externalId });
    const channel = info.channel;
    if (channel?.is_member === false) {
      return {
        ok: false,
        problem: 'invalid_config',
        message: `The bot is not a member of #${channel.name ?? connection.externalId}: in Slack, type /invite @Taskbridge in that channel.`,
      };
    }
    return { ok: true, externalName: `#${channel?.name ?? connection.externalId} (${team})`, details: { team: auth.team_id, botUserId: auth.user_id } };
  } catch (err) {
    const code = slackErrorCode(err);
    if (isRevokedError(code)) return { ok: false, problem: 'reconnect_needed', message: problemFor(code, null)!.message };
    const problem = problemFor(code, connection.externalId);
    if (problem) return { ok: false, problem: 'not_found', message: problem.message };
    return { ok: false, problem: 'unreachable', message: code ? `Slack answered ${code}.` : 'Slack could not be reached.' };
  }
}
