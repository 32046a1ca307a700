'use server';

import { removeMember as deleteMember } from '@/db/queries/members';
import { AppError } from '@/lib/errors';
import { authedAction } from './safe-action';
import { isUuid, removeMemberSchema } from './task-schema';

/** Owner removes a member; their tasks stay, unassigned. The last owner cannot be removed. */
export const removeMember = authedAction('owner', removeMemberSchema, async ({ db }, input) => {
  const outcome = isUuid(input.userId) ? await deleteMember(db, input.projectId, input.userId) : 'not_member';
  if (outcome === 'not_member') throw new AppError('not_found', 'Member not found.', 'userId');
  if (outcome === 'last_owner') {
    throw new AppError('conflict', 'A project needs an owner: the last owner cannot be removed.', 'userId');
  }
  return { userId: input.userId };
});
