import type { WebClient } from '@slack/web-api';
import type { DbOrTx } from '@/db/client';
import { listMembers, type MemberRow } from '@/db/queries/members';
import { getProject } from '@/db/queries/projects';
import { normalizeEmail } from '@/db/queries/users';
import { slackErrorCode } from './client';

export type SlackActor = { ok: true; member: MemberRow } | { ok: false; message: string };

/**
 * Maps a Slack user to a member of the project by email (`users.info`, scope users:read.email).
 * Strangers, and users Slack shows no email for, get a message saying why and how to link.
 * Every project role may create and edit tasks (as in the app); `roles` narrows that for
 * actions that need more.
 */
export async function slackActor(
  db: DbOrTx,
  client: WebClient,
  projectId: string,
  slackUserId: string,
  roles: ReadonlyArray<MemberRow['role']> = ['owner', 'member'],
): Promise<SlackActor> {
  const project = await getProject(db, projectId);
  const projectName = project?.name ?? 'this project';
  let email: string | undefined;
  try {
    const info = await client.users.info({ user: slackUserId });
    if (info.user?.is_bot || info.user?.deleted) return { ok: false, message: 'Bots and deactivated Slack users cannot act on Taskbridge tasks.' };
    email = info.user?.profile?.email;
  } catch (err) {
    if (slackErrorCode(err) === 'user_not_found') return { ok: false, message: 'Slack does not know your user: nothing was done.' };
    throw err;
  }
  if (!email) {
    return {
      ok: false,
      message: 'Taskbridge cannot see your Slack email (the app needs the users:read.email scope): nothing was done. Ask the workspace admin to reinstall the app.',
    };
  }
  const wanted = normalizeEmail(email);
  const member = (await listMembers(db, projectId)).find((m) => normalizeEmail(m.email) === wanted);
  if (!member) {
    return {
      ok: false,
      message: `Your Slack email ${email} is not a member of the Taskbridge project “${projectName}”, so nothing was done. To link your account, ask a project owner to add ${email} under Project settings → Members (or sign in to Taskbridge with the same email as in Slack).`,
    };
  }
  if (!roles.includes(member.role)) {
    return { ok: false, message: `This needs the ${roles.join(' or ')} role in “${projectName}”; you are ${member.role}. Nothing was done.` };
  }
  return { ok: true, member };
}
