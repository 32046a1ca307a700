import { z } from 'zod';
import { allProviderCores } from '@/lib/integrations/registry';

/** Input schemas of the integration actions, shared with their tests. */
export const MIN_SYNC_INTERVAL_SECONDS = 60;
export const MAX_SYNC_INTERVAL_SECONDS = 7 * 24 * 3600;

export const integrationRefSchema = z.object({ projectId: z.uuid(), integrationId: z.uuid() });

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
 * One branch per provider, picked by `providerType`: the external id and settings are checked by
 * that provider's own schemas, so every wrong field is reported at once with its path.
 */
const configureBranches = allProviderCores.map((p) =>
  configureBaseSchema.extend({
    providerType: z.literal(p.id),
    externalId: p.externalId.schema,
    settings: p.settingsSchema,
  }),
);
export const configureIntegrationSchema = z.discriminatedUnion(
  'providerType',
  configureBranches as [(typeof configureBranches)[number], ...(typeof configureBranches)[number][]],
);
export type ConfigureIntegrationInput = z.input<typeof configureIntegrationSchema>;

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

/**
 * The set-up page (a provider chosen, nothing created yet): the same fields, each provider
 * checked by its own schemas, but any may be left for later: an empty external id is "not
 * set yet", and settings and schedule default as on a new integration.
 */
const setUpBranches = allProviderCores.map((p) =>
  z.object({
    projectId: z.uuid(),
    providerType: z.literal(p.id),
    externalId: z.preprocess(blankToUndefined, p.externalId.schema.optional()),
    settings: p.settingsSchema.prefault({}),
    syncEnabled: configureBaseSchema.shape.syncEnabled.default(false),
    syncIntervalSeconds: configureBaseSchema.shape.syncIntervalSeconds.default(300),
  }),
);
const createBranches = setUpBranches.map((b) => b.extend({ accessToken: configureBaseSchema.shape.accessToken, test: configureBaseSchema.shape.test }));
const connectBranches = setUpBranches.map((b) => b.extend({ integrationId: z.uuid().optional() }));

/** "Save" on the set-up page: the integration is created with what was entered. */
export const createIntegrationSchema = z.discriminatedUnion(
  'providerType',
  createBranches as [(typeof createBranches)[number], ...(typeof createBranches)[number][]],
);
export type CreateIntegrationInput = z.input<typeof createIntegrationSchema>;

/**
 * "Connect with …": with `integrationId` it (re)connects that integration; from the set-up
 * page (none yet) the fields entered so far wait in the OAuth state until the callback.
 */
export const oauthConnectSchema = z.discriminatedUnion(
  'providerType',
  connectBranches as [(typeof connectBranches)[number], ...(typeof connectBranches)[number][]],
);

/** A secret issued by the provider (Slack's signing secret) pasted in by the owner. */
export const setWebhookSecretSchema = integrationRefSchema.extend({
  secret: z.string().trim().min(16, 'must be at least 16 characters').max(256, 'is too long'),
});
