'use server';

import { z } from 'zod';
import { decideSafetyHold } from '@/lib/sync/decide-safety-hold';
import { integrationRefSchema } from './integration-schemas';
import { loadIntegrationOr404 } from './load-integration';
import { authedAction } from './safe-action';

const decideSafetyHoldSchema = integrationRefSchema.extend({ holdId: z.uuid(), decision: z.enum(['confirm', 'cancel']) });

// An owner confirms (the sync runs once past the breaker) or cancels a sync paused by the safety check.
export const decideSyncSafetyHold = authedAction('owner', decideSafetyHoldSchema, async ({ db, user }, input) => {
  const integration = await loadIntegrationOr404(db, input);
  return decideSafetyHold(db, integration, { holdId: input.holdId, decision: input.decision, userId: user.id });
});
