import { randomUUID } from 'node:crypto';
import type { SubscriptionCapability } from '../types';
import { calendarIdOf, googleCall, googleStatus } from './client';

/** Channels live up to 7 days at Google (it may grant less); we ask for that and renew a day ahead. */
const TTL_SECONDS = 7 * 24 * 3600;

/**
 * Google push: events.watch channels whose token is the integration's webhook secret. There is
 * no renewal API: `renew` opens the new channel first, then stops the old one (a gap-free hand-over;
 * the old channel's late messages still verify, they share the token).
 */
export const googleCalendarSubscription: SubscriptionCapability = {
  renewMarginMs: 24 * 3600_000,
  async subscribe(connection, { url, secret }) {
    const channel = await googleCall(connection, (api, o) =>
      api.events.watch(
        { calendarId: calendarIdOf(connection), requestBody: { id: randomUUID(), type: 'web_hook', address: url, token: secret, params: { ttl: String(TTL_SECONDS) } } },
        o,
      ),
    );
    return {
      id: channel.id!,
      resourceId: channel.resourceId ?? null,
      expiresAt: channel.expiration ? new Date(Number(channel.expiration)) : new Date(Date.now() + TTL_SECONDS * 1000),
    };
  },
  async renew(connection, current, input) {
    const next = await this.subscribe(connection, input);
    await this.unsubscribe(connection, current);
    return next;
  },
  async unsubscribe(connection, current) {
    try {
      await googleCall(connection, (api, o) => api.channels.stop({ requestBody: { id: current.id, resourceId: current.resourceId ?? undefined } }, o));
    } catch (err) {
      if (googleStatus(err) !== 404) throw err; // already expired or stopped
    }
  },
};
