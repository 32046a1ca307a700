'use server';

import { z } from 'zod';
import { setMemberRole } from '@/db/queries/members';
import { projectRoleEnum } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { authedAction } from './safe-action';
import { isUuid } from './task-schema';

const changeRoleSchema = z.object({
  projectId: z.string(),
  userId: z.string(),
  role: z.enum(projectRoleEnum.enumValues, { error: 'Choose owner or member.' }),
});

/** Owner makes a member an owner, or an owner a member. The last owner cannot be demoted. */
export const changeMemberRole = authedAction('owner', changeRoleSchema, async ({ db }, input) => {
  const outcome = isUuid(input.userId) ? await setMemberRole(db, input.projectId, input.userId, input.role) : 'not_member';
  if (outcome === 'not_member') throw new AppError('not_found', 'Member not found.', 'userId');
  if (outcome === 'last_owner') {
    throw new AppError('conflict', 'A project needs an owner: make someone else an owner first.', 'role');
  }
  return { userId: input.userId, role: input.role };
});
