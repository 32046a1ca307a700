import { github } from './github/core';
import { googleCalendar } from './google-calendar/core';
import { jira } from './jira/core';
import { outlookCalendar } from './outlook-calendar/core';
import { type ProviderType, providerTypes } from './provider-types';
import { slack } from './slack/core';
// Fills loadConnection's token source (OAuth refresh before a call) wherever providers are reachable.
import './oauth/install-token-source';
import type { Capabilities, Capability, ProviderCore, ProviderDefinition, ProviderInfo, ProviderWith } from './types';

/**
 * The one typed registry, keyed by provider type. No if/else chains on the slug elsewhere.
 * Importing it loads the provider cores only (names, settings schemas, which capabilities
 * each has): labels, pickers and tabs read those synchronously. Engines await a capability
 * (`providerWith`, `providersWith`, `loadCapability`), which imports its module — and its SDK —
 * on first use, like cal.com's calendarLoaders.
 */
export const providerCores: { [K in ProviderType]: ProviderCore } = {
  github,
  slack,
  jira,
  'google-calendar': googleCalendar,
  'outlook-calendar': outlookCalendar,
};

export function getProviderCore(type: ProviderType): ProviderCore {
  return providerCores[type];
}

export const allProviderCores: ProviderCore[] = providerTypes.map((type) => providerCores[type]);

/** Whether a provider has capability C, without loading it (tabs, guards before loading). */
export function hasCapability(type: ProviderType, capability: Capability): boolean {
  return providerCores[type].load[capability] != null;
}

/** The API base URL for a provider: env override (tests, GitHub Enterprise) or the default. */
export function resolveApiBaseUrl(type: ProviderType, env: Record<string, string | undefined> = process.env): string {
  const d = providerCores[type].defaults;
  return (env[d.apiBaseUrlEnv] || d.apiBaseUrl).replace(/\/+$/, '');
}

/** Each loader's result, once per process (keyed by the loader: a test that swaps one gets its own). */
const loaded = new WeakMap<() => Promise<unknown>, Promise<unknown>>();

/** Capability C of a provider, its module imported once per process; null if it has none. */
export async function loadCapability<C extends Capability>(type: ProviderType, capability: C): Promise<Capabilities[C] | null> {
  const loader = providerCores[type].load[capability];
  if (!loader) return null;
  let pending = loaded.get(loader) as Promise<Capabilities[C]> | undefined;
  if (!pending) {
    pending = loader();
    loaded.set(loader, pending);
    pending.catch(() => loaded.delete(loader)); // a failed import is retried on the next call
  }
  return pending;
}

function infoOf(core: ProviderCore): ProviderInfo {
  const { load: _load, ...info } = core;
  return info;
}

/** The provider of an integration with capability C loaded, or null if it has none. */
export async function providerWith<C extends Capability>(type: ProviderType, capability: C): Promise<ProviderWith<C> | null> {
  const value = await loadCapability(type, capability);
  if (value == null) return null;
  return { ...infoOf(providerCores[type]), [capability]: value } as ProviderWith<C>;
}

/** Every provider that has capability C, loaded. Engines route by this, never by slug. */
export async function providersWith<C extends Capability>(capability: C): Promise<Array<ProviderWith<C>>> {
  const all = await Promise.all(providerTypes.map((type) => providerWith(type, capability)));
  return all.filter((p) => p != null) as Array<ProviderWith<C>>;
}

/** The types of the providers with capability C, without loading any (queries that filter by type). */
export function providerTypesWith(capability: Capability): ProviderType[] {
  return providerTypes.filter((type) => hasCapability(type, capability));
}

/** A provider with every capability it has loaded: for the OAuth flow, the connection test and clean-up. */
export async function loadProvider(type: ProviderType): Promise<ProviderDefinition> {
  const core = providerCores[type];
  const caps = Object.keys(core.load) as Capability[];
  const values = await Promise.all(caps.map((c) => loadCapability(type, c)));
  return Object.assign(infoOf(core), Object.fromEntries(caps.map((c, i) => [c, values[i]])));
}
