import { github } from './github';
import { googleCalendar } from './google-calendar';
import { jira } from './jira';
import { outlookCalendar } from './outlook-calendar';
import { type ProviderType, providerTypes } from './provider-types';
import { slack } from './slack';
// Fills loadConnection's token source (OAuth refresh before a call) wherever providers are reachable.
import './oauth/install-token-source';
import type { Capability, ProviderDefinition, ProviderWith } from './types';

/** The one typed registry, keyed by provider id. No if/else chains on the slug elsewhere. */
export const providers: { [K in ProviderType]: ProviderDefinition } = {
  github,
  slack,
  jira,
  'google-calendar': googleCalendar,
  'outlook-calendar': outlookCalendar,
};

export function getProvider(id: ProviderType): ProviderDefinition<Record<string, unknown>> {
  return providers[id];
}

export const allProviders = providerTypes.map((id) => providers[id]);

/** The API base URL for a provider: env override (tests, GitHub Enterprise) or the default. */
export function resolveApiBaseUrl(id: ProviderType, env: Record<string, string | undefined> = process.env): string {
  const d = providers[id].defaults;
  return (env[d.apiBaseUrlEnv] || d.apiBaseUrl).replace(/\/+$/, '');
}

/** Every provider that has capability C, typed so the capability is present. Engines route by this, never by slug. */
export function providersWith<C extends Capability>(capability: C): Array<ProviderWith<C>> {
  return allProviders.filter((p): p is ProviderWith<C> => p[capability] != null);
}

/** The provider of an integration if it has capability C, else null. */
export function providerWith<C extends Capability>(id: ProviderType, capability: C): ProviderWith<C> | null {
  const p = providers[id];
  return p[capability] != null ? (p as ProviderWith<C>) : null;
}
