import type { IntegrationConnection } from './connection';

/**
 * `subscription`: push channels we create at the provider and must keep alive — GitHub repo
 * hooks, Jira dynamic webhooks (30 days), Google watch channels (no renewal API: replace),
 * Graph subscriptions (≤ 10,080 minutes). The integration row stores `subscriptionId`,
 * `subscriptionResourceId` and `subscriptionExpiresAt`; a scheduled job calls `renew` for
 * whatever expires within `renewMarginMs`.
 */
export type SubscriptionState = { id: string; resourceId: string | null; expiresAt: Date | null };

export type SubscriptionCapability = {
  renewMarginMs: number;
  /** `url` is our webhook URL for the integration, `secret` its decrypted webhook secret (HMAC key, channel token, clientState). */
  subscribe: (connection: IntegrationConnection, input: { url: string; secret: string }) => Promise<SubscriptionState>;
  /** Returns the new state; may create a replacement and stop the old one (Google). */
  renew: (connection: IntegrationConnection, current: SubscriptionState, input: { url: string; secret: string }) => Promise<SubscriptionState>;
  unsubscribe: (connection: IntegrationConnection, current: SubscriptionState) => Promise<void>;
};
