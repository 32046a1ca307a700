'use server';

import { z } from 'zod';
import { markNotificationsRead, saveChannelChoices } from '@/db/queries/notifications';
import { activeSenders } from '@/lib/alerts/deliver';
import { AppError } from '@/lib/errors';
import { authedAction } from './safe-action';

/** Marks some (ids) or all of my notifications read. */
export const markRead = authedAction('signed-in', z.object({ ids: z.array(z.uuid()).max(200).optional() }), async ({ db, user }, input) => ({
  marked: await markNotificationsRead(db, user.id, input.ids),
}));

/** An owner chooses, per channel, whether this project's alerts reach them there. */
export const saveAlertChannels = authedAction(
  'owner',
  z.object({ projectId: z.uuid(), channels: z.record(z.string().regex(/^[a-z_]{2,32}$/, 'is not a channel name'), z.boolean()) }),
  async ({ db, user }, input) => {
    const known = new Set(activeSenders().map((s) => s.name));
    const unknown = Object.keys(input.channels).find((c) => !known.has(c));
    if (unknown) throw new AppError('bad_request', `There is no "${unknown}" channel.`, 'channels');
    await saveChannelChoices(db, input.projectId, user.id, input.channels);
    return { saved: true };
  },
);
