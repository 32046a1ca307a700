import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { Alert, PageHeader } from '@/app/_components/ui';
import { taskPriorityEnum, taskStatusEnum } from '@/db/schema/tasks';
import { errorSummary, UserFacingError } from '@/lib/errors';
import { loadConnection } from '@/lib/integrations/connection';
import { mapJiraStatus } from '@/lib/integrations/jira/map-fields';
import { type JiraProjectMeta, readJiraProjectMeta } from '@/lib/integrations/jira/project-meta';
import { defaultFieldDirections, jiraFieldNames, readJiraSettings } from '@/lib/integrations/jira/schema';
import { hasMappingPage } from '@/lib/integrations/mapping-pages';
import { IntegrationTabs } from '../../_components/integration-tabs';
import { type IntegrationPageParams, loadPageIntegration, projectIntegrationsPath } from '../../_components/load-page-integration';
import { MappingForm } from './mapping-form';

export const metadata: Metadata = { title: 'Field mapping' };

// GET /integrations/project/:projectId/:integrationId/mapping/ — owner only; the project's statuses,
// priorities and issue types are read from Jira each time the page opens.
export default async function MappingPage({ params }: { params: IntegrationPageParams }) {
  const { access, integration, provider, base } = await loadPageIntegration(params, 'owner', 'mapping/');
  if (!hasMappingPage(provider.id)) notFound();
  const settings = readJiraSettings(integration.settings);
  let meta: JiraProjectMeta = { statuses: [], priorities: [], issueTypes: [] };
  let problem: string | null = null;
  if (!integration.externalId) problem = 'Set the Jira project key and credentials on the Configure tab first.';
  else {
    try {
      meta = await readJiraProjectMeta(await loadConnection(integration));
    } catch (err) {
      if (!(err instanceof UserFacingError)) console.error('[jira] mapping page could not read the project:', errorSummary(err));
      problem = `Could not read the project from Jira: ${err instanceof UserFacingError ? err.message : 'try again later'}. The stored mapping is shown.`;
    }
  }
  // Entries stored for statuses Jira no longer lists stay visible (and editable).
  for (const id of Object.keys(settings.statusMap)) {
    if (!meta.statuses.some((s) => s.id === id || s.name.toLowerCase() === id.toLowerCase())) meta.statuses.push({ id, name: id, category: '' });
  }
  for (const id of Object.keys(settings.priorityMap)) if (!meta.priorities.some((p) => p.id === id)) meta.priorities.push({ id, name: `Priority ${id}` });
  return (
    <>
      <PageHeader
        back={{ href: projectIntegrationsPath(integration.projectId), label: `${access.project.name} · Integrations` }}
        title={`${provider.defaults.name} field mapping`}
        subtitle={integration.externalName ?? integration.externalId ?? 'Not configured yet'}
      />
      <IntegrationTabs base={base} role={access.role} current="mapping" providerType={provider.id} />
      {problem && <div className="mb-4"><Alert tone="amber">{problem}</Alert></div>}
      <MappingForm
        projectId={integration.projectId}
        integrationId={integration.id}
        taskStatuses={[...taskStatusEnum.enumValues]}
        taskPriorities={[...taskPriorityEnum.enumValues]}
        statuses={meta.statuses.map((s) => ({ ...s, byDefault: mapJiraStatus({ id: '', name: s.name, statusCategory: { key: s.category } }, { statusMap: {} }) }))}
        priorities={meta.priorities}
        issueTypes={meta.issueTypes.length ? meta.issueTypes : [{ id: settings.issueType, name: settings.issueType }]}
        fields={jiraFieldNames.map((f) => ({ key: f, direction: settings.fieldDirections[f] ?? defaultFieldDirections[f] }))}
        initial={{ statusMap: settings.statusMap, priorityMap: settings.priorityMap, issueType: settings.issueType, conflictPolicy: settings.conflictPolicy, importFixVersions: settings.importFixVersions }}
      />
    </>
  );
}
