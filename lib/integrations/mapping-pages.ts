import { jira } from './jira/core';
import type { ProviderType } from './provider-types';

/** Providers whose integrations have a field-mapping page (the "Mapping" tab). */
const withMappingPage = new Set<ProviderType>([jira.id]);

export function hasMappingPage(id: ProviderType): boolean {
  return withMappingPage.has(id);
}
