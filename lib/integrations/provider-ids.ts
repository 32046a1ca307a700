import { z } from 'zod';

/**
 * The one list of provider ids. It feeds the database enum, route-param validation and
 * the registry, so adding a provider is one edit here plus its folder.
 * Ids double as the webhook URL segment: /integrations/webhooks/<id>/<integrationId>.
 */
export const providerIds = ['github', 'slack', 'jira', 'google-calendar', 'outlook-calendar'] as const;
export const providerIdSchema = z.enum(providerIds);
export type ProviderId = z.infer<typeof providerIdSchema>;
/**
 * The provider's slug ("github"), as `integration.provider.providerType` holds it. Prefer this
 * name in new code: `providerId` on rows is the integration_providers row id (a uuid).
 */
export type ProviderType = ProviderId;
