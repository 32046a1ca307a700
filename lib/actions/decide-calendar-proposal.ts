'use server';

import { z } from 'zod';
import { acceptProposal, rejectProposal } from '@/lib/calendar/proposals';
import { AppError } from '@/lib/errors';
import { authedAction } from './safe-action';
import { isUuid } from './task-schema';

const schema = z.object({
  projectId: z.string(),
  proposalId: z.string(),
  decision: z.enum(['accept', 'reject'], { error: 'Choose accept or reject.' }),
});

/** The owner accepts (the due date moves, every linked provider follows) or rejects (the event goes back) a calendar move. */
export const decideCalendarProposal = authedAction('owner', schema, async ({ db, user }, input) => {
  if (!isUuid(input.proposalId)) throw new AppError('not_found', 'Proposal not found.');
  const decided = input.decision === 'accept'
    ? await acceptProposal(db, input.projectId, input.proposalId, user.id)
    : await rejectProposal(db, input.projectId, input.proposalId, user.id);
  return { status: decided.status, toDate: decided.toDate };
});
