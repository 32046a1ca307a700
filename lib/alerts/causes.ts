import type { AlertCause } from '@/db/schema';

export type { AlertCause } from '@/db/schema';
export { alertCauses } from '@/db/schema';

/** What each cause means to an owner: the headline when it fires, and when it clears. */
export const causeText: Record<AlertCause, { label: string; fired: string; resolved: string }> = {
  sync_failed_twice: { label: 'Sync failing', fired: 'The last two syncs failed', resolved: 'Syncs succeed again' },
  reconnect_needed: { label: 'Reconnect needed', fired: 'The connection needs a new token (reconnect)', resolved: 'The connection works again' },
  delivery_failed: { label: 'Delivery failed', fired: 'A webhook delivery failed for good', resolved: 'No failed webhook deliveries remain' },
  webhook_silent: { label: 'Webhook silent', fired: 'No webhook delivery for longer than usual while the provider shows activity', resolved: 'Webhook deliveries arrive again' },
  subscription_expiring: { label: 'Subscription expiring', fired: 'The push subscription is about to expire and was not renewed', resolved: 'The push subscription was renewed' },
  breaker_tripped: { label: 'Circuit breaker', fired: 'A sync paused before closing, unlinking or deleting many items', resolved: 'The paused sync was confirmed or cancelled' },
};
