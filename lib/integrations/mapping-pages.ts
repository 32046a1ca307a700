import { jira } from './jira';
import type { ProviderId } from './provider-ids';

/** Providers whose integrations have a field-mapping page (the "Mapping" tab). */
const withMappingPage = new Set<ProviderId>([jira.id]);

export function hasMappingPage(id: ProviderId): boolean {
  return withMappingPage.has(id);
}
