import { z } from 'zod';

/**
 * The one list of provider ids. It feeds the database enum, route-param validation and
 * the registry, so adding a provider is one edit here plus its folder.
 * Ids double as the webhook URL segment: /integrations/webhooks/<id>/<integrationId>.
 */
export const providerIds = ['github', 'slack', 'jira', 'google-calendar', 'outlook-calendar'] as const;
export const providerIdSchema = z.enum(providerIds);
export type ProviderId = z.infer<typeof providerIdSchema>;
