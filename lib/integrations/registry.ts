import { github } from './github';
import { googleCalendar } from './google-calendar';
import { jira } from './jira';
import { outlookCalendar } from './outlook-calendar';
import { type ProviderId, providerIds } from './provider-ids';
import { slack } from './slack';
import type { ProviderDefinition } from './types';

/** The one typed registry, keyed by provider id. No if/else chains on the slug elsewhere. */
export const providers: { [K in ProviderId]: ProviderDefinition } = {
  github,
  slack,
  jira,
  'google-calendar': googleCalendar,
  'outlook-calendar': outlookCalendar,
};

export function getProvider(id: ProviderId): ProviderDefinition<Record<string, unknown>> {
  return providers[id];
}

export const allProviders = providerIds.map((id) => providers[id]);

/** The API base URL for a provider: env override (tests, GitHub Enterprise) or the default. */
export function resolveApiBaseUrl(id: ProviderId, env: Record<string, string | undefined> = process.env): string {
  const d = providers[id].defaults;
  return (env[d.apiBaseUrlEnv] || d.apiBaseUrl).replace(/\/+$/, '');
}
