'use server';

import { z } from 'zod';
import { resolveConflict } from '@/lib/sync/engine/resolve-conflict';
import { authedAction } from './safe-action';

const resolveSyncConflictSchema = z.discriminatedUnion('choice', [
  z.object({ projectId: z.uuid(), conflictId: z.uuid(), choice: z.enum(['app', 'provider']) }),
  z.object({ projectId: z.uuid(), conflictId: z.uuid(), choice: z.literal('edit'), value: z.string().trim().min(1, 'is required').max(10_000, 'is too long') }),
]);

// An owner settles a conflict held by the "ask me" policy: the chosen value goes to both sides.
export const resolveSyncConflict = authedAction('owner', resolveSyncConflictSchema, async ({ db, user }, input) => {
  const r = await resolveConflict(db, { ...input, userId: user.id });
  return { field: r.field };
});
