import { z } from 'zod';

/**
 * The one list of provider types (slugs: "github"). It feeds the database enum, route-param
 * validation and the registry, so adding a provider is one edit here plus its folder.
 * A type doubles as the webhook URL segment: /integrations/webhooks/<type>/<integrationId>.
 *
 * Names: `providerType` is always this slug (`integration.provider.providerType`);
 * `providerId` is always the integration_providers row id (a uuid).
 */
export const providerTypes = ['github', 'slack', 'jira', 'google-calendar', 'outlook-calendar'] as const;
export const providerTypeSchema = z.enum(providerTypes);
export type ProviderType = z.infer<typeof providerTypeSchema>;
