import { z } from 'zod';
import { providerIdSchema } from '@/lib/integrations/provider-ids';
import { allProviders } from '@/lib/integrations/registry';

/** Input schemas of the integration actions, shared with their tests. */
export const MIN_SYNC_INTERVAL_SECONDS = 60;
export const MAX_SYNC_INTERVAL_SECONDS = 7 * 24 * 3600;

export const integrationRefSchema = z.object({ projectId: z.uuid(), integrationId: z.uuid() });

export const createIntegrationSchema = z.object({ projectId: z.uuid(), providerId: providerIdSchema });

const configureBaseSchema = integrationRefSchema.extend({
  /** Write-only: empty keeps the stored token. */
  accessToken: z
    .string()
    .trim()
    .max(4096, 'is too long')
    .optional()
    .transform((v) => v || undefined),
  clearToken: z.boolean().default(false),
  syncEnabled: z.boolean(),
  syncIntervalSeconds: z.coerce
    .number('must be a number')
    .int('must be a whole number of seconds')
    .min(MIN_SYNC_INTERVAL_SECONDS, `must be at least ${MIN_SYNC_INTERVAL_SECONDS} seconds`)
    .max(MAX_SYNC_INTERVAL_SECONDS, 'must be at most 7 days'),
  /** Run the provider's connection test after saving ("Save & test connection"). */
  test: z.boolean().default(false),
});

/**
 * One branch per provider, picked by `providerId`: the external id and settings are checked by
 * that provider's own schemas, so every wrong field is reported at once with its path.
 */
const configureBranches = allProviders.map((p) =>
  configureBaseSchema.extend({
    providerId: z.literal(p.id),
    externalId: p.externalId.schema,
    settings: p.settingsSchema,
  }),
);
export const configureIntegrationSchema = z.discriminatedUnion(
  'providerId',
  configureBranches as [(typeof configureBranches)[number], ...(typeof configureBranches)[number][]],
);
export type ConfigureIntegrationInput = z.input<typeof configureIntegrationSchema>;

/** A secret issued by the provider (Slack's signing secret) pasted in by the owner. */
export const setWebhookSecretSchema = integrationRefSchema.extend({
  secret: z.string().trim().min(16, 'must be at least 16 characters').max(256, 'is too long'),
});
