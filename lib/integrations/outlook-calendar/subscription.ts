import type { Subscription } from '@microsoft/microsoft-graph-types';
import type { IntegrationConnection, SubscriptionCapability } from '../types';
import { calendarPath, graphFetch, graphStatus } from './client';

/** Graph caps Outlook event subscriptions at 10,080 minutes; we ask a little less and renew a day ahead. */
export const GRAPH_MAX_MINUTES = 10_080;
const LIFETIME_MS = (GRAPH_MAX_MINUTES - 60) * 60_000;

const resourceOf = (connection: IntegrationConnection) => `${calendarPath(connection).slice(1)}/events`;
const state = (s: Subscription) => ({ id: s.id!, resourceId: s.resource ?? null, expiresAt: s.expirationDateTime ? new Date(s.expirationDateTime) : null });

/**
 * Graph subscriptions: created with our clientState (the webhook secret); Graph first POSTs a
 * validationToken to the notification and lifecycle URLs (answered by the webhook route).
 * Renewal is a PATCH of expirationDateTime; a subscription Graph already removed is recreated.
 */
export const outlookCalendarSubscription: SubscriptionCapability = {
  renewMarginMs: 24 * 3600_000,
  async subscribe(connection, { url, secret }) {
    const created = await graphFetch<Subscription>(connection, 'POST', '/subscriptions', {
      changeType: 'created,updated,deleted',
      notificationUrl: url,
      lifecycleNotificationUrl: url,
      resource: resourceOf(connection),
      expirationDateTime: new Date(Date.now() + LIFETIME_MS).toISOString(),
      clientState: secret,
    });
    return state(created);
  },
  async renew(connection, current, input) {
    try {
      const renewed = await graphFetch<Subscription>(connection, 'PATCH', `/subscriptions/${encodeURIComponent(current.id)}`, {
        expirationDateTime: new Date(Date.now() + LIFETIME_MS).toISOString(),
      });
      return state({ ...renewed, id: renewed.id ?? current.id });
    } catch (err) {
      if (graphStatus(err) !== 404) throw err;
      return this.subscribe(connection, input); // removed at Graph (expired, or a subscriptionRemoved we missed)
    }
  },
  async unsubscribe(connection, current) {
    try {
      await graphFetch(connection, 'DELETE', `/subscriptions/${encodeURIComponent(current.id)}`);
    } catch (err) {
      if (graphStatus(err) !== 404) throw err;
    }
  },
};
