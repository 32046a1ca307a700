'use server';

import { addMemberByEmail } from '@/db/queries/members';
import { AppError } from '@/lib/errors';
import { authedAction } from './safe-action';
import { memberEmailSchema } from './task-schema';

/** Owner adds someone by email; an unknown email gets access at their first sign-in. */
export const addMember = authedAction('owner', memberEmailSchema, async ({ db }, input) => {
  const member = await addMemberByEmail(db, input.projectId, input.email);
  if (!member) throw new AppError('conflict', 'That person is already a member.', 'email');
  return member;
});
