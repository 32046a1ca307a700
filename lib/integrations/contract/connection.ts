import type { z } from 'zod';

/**
 * Everything a provider call needs about one integration. Secrets are decrypted on demand:
 * `accessToken()` returns a token that is valid for at least the next few minutes, refreshing
 * it first when the integration holds an OAuth grant that is about to expire (the Connect
 * issue, lib/integrations/oauth). Never log or render what it returns.
 */
export type IntegrationConnection = {
  integrationId: string;
  apiBaseUrl: string;
  accessToken: () => Promise<string | null>;
  externalId: string | null;
  settings: Record<string, unknown>;
};

export type ConnectionProblem = 'reconnect_needed' | 'not_found' | 'unreachable' | 'invalid_config' | 'unsupported';

export type ConnectionResult =
  | { ok: true; externalName?: string; details?: Record<string, unknown> }
  | { ok: false; problem: ConnectionProblem; message: string };

/** `connection`: "Save & test connection", and clean-up at the provider before the integration is deleted. */
export type ConnectionCapability = {
  test: (connection: IntegrationConnection) => Promise<ConnectionResult>;
  /** Removes what we created at the provider (our webhook, subscription, channel). Failures are logged, never block the delete. */
  onDelete?: (connection: IntegrationConnection) => Promise<void>;
};

/** The external id field on the configure form: what it means for this provider. */
export type ExternalIdField = {
  label: string;
  placeholder: string;
  help: string;
  schema: z.ZodType<string>;
  /**
   * Optional picker: the external resources the stored credentials can use (Slack channels),
   * listed on the configure page; `hint` says why something is missing or not usable yet.
   */
  listOptions?: (connection: IntegrationConnection) => Promise<ExternalIdOptions>;
  /**
   * Optional: what the schema let through, turned into the id to store by asking the provider
   * (Slack: `#general` → its channel id), with a name to show. Runs on save before anything is
   * stored; an input it cannot resolve throws an AppError naming the form field.
   */
  resolve?: (connection: IntegrationConnection, value: string) => Promise<{ id: string; name?: string }>;
};

export type ExternalIdOptions = {
  options: Array<{ id: string; label: string; usable: boolean; note?: string }>;
  hint?: string;
};
