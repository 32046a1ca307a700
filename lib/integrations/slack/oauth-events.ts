import type { DbOrTx } from '@/db/client';
import { listSlackTeamGrants } from '@/db/queries/oauth-grants';
import { markReconnectNeeded } from '../oauth/reconnect';

/** Slack's `tokens_revoked` event body: the user ids whose tokens were revoked, by kind. */
export type SlackTokensRevoked = { type: 'tokens_revoked'; tokens: { oauth?: string[]; bot?: string[] } };
export type SlackAppUninstalled = { type: 'app_uninstalled' };

/**
 * Slack's `app_uninstalled` and `tokens_revoked` events for a workspace: marks the integrations
 * of that team whose bot token the event names (tokens_revoked revokes only the listed tokens;
 * app_uninstalled all of them) as "reconnect needed". Returns the ids marked. For the Slack
 * events handler to call with the event's `team_id`.
 */
export async function markSlackRevocations(db: DbOrTx, teamId: string, event: SlackTokensRevoked | SlackAppUninstalled): Promise<string[]> {
  const rows = await listSlackTeamGrants(db, teamId);
  const bots = event.type === 'tokens_revoked' ? new Set(event.tokens.bot ?? []) : null;
  const marked: string[] = [];
  for (const row of rows) {
    const bot = typeof row.account?.botUserId === 'string' ? row.account.botUserId : null;
    if (bots && (!bot || !bots.has(bot))) continue; // another token of the workspace: ours still works
    const reason = event.type === 'app_uninstalled' ? 'The Slack app was uninstalled from the workspace.' : 'Slack revoked the bot token (tokens_revoked).';
    if (await markReconnectNeeded(db, row.id, reason)) marked.push(row.id);
  }
  return marked;
}
