import type { InboundCapability } from '@/lib/integrations/types';
import { ensureSubscription } from '@/lib/sync/subscriptions';
import { pullCalendar } from './pull-calendar';

/**
 * A calendar push is a signal, never data: it starts an incremental pull (Google sends no
 * body; Graph's resource data is not trusted as the event's state). Graph lifecycle events:
 * `reauthorizationRequired` → renew the subscription (a PATCH proves the grant is still good);
 * `subscriptionRemoved` → subscribe anew and resync; `missed` → pull from the deltaLink.
 */
export const calendarInbound: InboundCapability = {
  async process({ db, integration }, delivery) {
    const kind = delivery.eventType;
    if (kind === 'reauthorizationRequired') {
      const s = await ensureSubscription(db, integration, { mode: 'renew' });
      return { lifecycle: kind, subscriptionExpiresAt: s?.expiresAt?.toISOString() ?? null };
    }
    if (kind === 'subscriptionRemoved') {
      await ensureSubscription(db, integration, { mode: 'replace' });
      const pulled = await pullCalendar(db, integration);
      return { lifecycle: kind, resubscribed: true, ...pulled };
    }
    const pulled = await pullCalendar(db, integration);
    return { trigger: kind, ...pulled };
  },
};
