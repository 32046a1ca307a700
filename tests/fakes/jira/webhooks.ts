import { adfPlain, type FakeIssue } from './fake-state';

export type FakeJiraDelivery = { identifier: string; event: string; body: Record<string, unknown> };

/**
 * A Jira Cloud webhook delivery as sent: v2-shaped (wiki text bodies, /rest/api/2/ self
 * links), no cloud id — receivers treat it as a signal and refetch in v3.
 */
export function issueDelivery(event: 'jira:issue_created' | 'jira:issue_updated' | 'jira:issue_deleted', issue: FakeIssue, site: string): FakeJiraDelivery {
  return {
    identifier: crypto.randomUUID(),
    event,
    body: {
      timestamp: Date.now(),
      webhookEvent: event,
      issue_event_type_name: event === 'jira:issue_created' ? 'issue_created' : event === 'jira:issue_deleted' ? 'issue_deleted' : 'issue_generic',
      user: { accountId: 'fake', displayName: 'Fake user' },
      issue: {
        id: issue.id,
        key: issue.key,
        self: `${site}/rest/api/2/issue/${issue.id}`,
        fields: {
          summary: issue.fields.summary,
          description: adfPlain(issue.fields.description),
          status: issue.fields.status,
          updated: issue.fields.updated,
          project: { key: issue.projectKey },
        },
      },
    },
  };
}
