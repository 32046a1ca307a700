import type { IntegrationConnection } from '../types';
import { createJiraClient, jiraCall, projectKey } from './client';

export type JiraProjectMeta = {
  statuses: Array<{ id: string; name: string; category: string }>;
  priorities: Array<{ id: string; name: string }>;
  issueTypes: Array<{ id: string; name: string }>;
};

/**
 * What the mapping page offers: the project's statuses (across its issue types, once each),
 * its priorities (they differ per project: mapped by id) and the issue types it can create.
 */
export async function readJiraProjectMeta(connection: IntegrationConnection): Promise<JiraProjectMeta> {
  const key = projectKey(connection);
  const client = await createJiraClient(connection, { timeoutMs: 15_000 });
  const [byType, project, types] = await Promise.all([
    jiraCall(() => client.projects.getAllStatuses({ projectIdOrKey: key })),
    jiraCall(() => client.projects.getProject({ projectIdOrKey: key })),
    jiraCall(() => client.issues.getCreateIssueMetaIssueTypes({ projectIdOrKey: key, maxResults: 200 })) as Promise<{
      issueTypes?: Array<{ id?: string; name?: string }>;
    }>,
  ]);
  const priorities = await jiraCall(() => client.issuePriorities.searchPriorities({ projectId: project.id ? [project.id] : undefined, maxResults: 100 }));
  const statuses = new Map<string, JiraProjectMeta['statuses'][number]>();
  for (const t of byType) {
    for (const s of t.statuses ?? []) {
      if (s.id && !statuses.has(s.id)) statuses.set(s.id, { id: s.id, name: s.name ?? s.id, category: (s as { statusCategory?: { key?: string } }).statusCategory?.key ?? 'new' });
    }
  }
  return {
    statuses: [...statuses.values()],
    priorities: (priorities.values ?? []).filter((p) => p.id).map((p) => ({ id: p.id!, name: p.name ?? p.id! })),
    issueTypes: (types.issueTypes ?? []).filter((t) => t.id).map((t) => ({ id: t.id!, name: t.name ?? t.id! })),
  };
}
