import type { ProviderCore } from '../types';
import { jiraProjectKeySchema, jiraSettingsSchema, type JiraSettings } from './schema';

/** Jira without jira.js: its capabilities load on first use. */
export const jira: ProviderCore<JiraSettings> = {
  id: 'jira',
  defaults: {
    name: 'Jira',
    description: 'Sync issues of a Jira project with tasks.',
    apiBaseUrl: 'https://api.atlassian.com',
    apiBaseUrlEnv: 'JIRA_API_URL',
    authUrl: 'https://auth.atlassian.com/authorize',
    tokenUrl: 'https://auth.atlassian.com/oauth/token',
    scopes: ['read:jira-work', 'write:jira-work', 'manage:jira-webhook', 'offline_access'],
    webhookEvents: ['jira:issue_created', 'jira:issue_updated', 'jira:issue_deleted', 'comment_created', 'comment_updated'],
    features: [
      'Imports the Jira project\'s issues as tasks, then only what changed (search/jql, pages of 100)',
      'Two-way: task edits reach the issue (status through a workflow transition); Jira webhooks update tasks',
      'Status, priority, issue type and per-field directions mapped on the Mapping tab',
      'Create Jira issue from a task, and bulk export',
    ],
  },
  externalId: {
    label: 'Project key',
    placeholder: 'PROJ',
    help: 'The key of the Jira project, as in PROJ-123.',
    schema: jiraProjectKeySchema,
  },
  settingsSchema: jiraSettingsSchema,
  webhookHelp:
    'Jira settings → System → WebHooks → Create. Paste the URL and the secret below; events: issue created, updated, deleted, comment created and updated.',
  load: {
    webhook: () => import('./verify-webhook').then((m) => m.jiraWebhook),
    oauth: () => import('./oauth').then((m) => m.jiraOAuth),
    connection: () => import('./test-connection').then((m) => ({ test: m.testJiraConnection })),
    subscription: () => import('./dynamic-webhook').then((m) => m.jiraSubscription),
    inbound: () => import('./inbound').then((m) => m.jiraInbound),
    taskSync: () => import('./task-sync').then((m) => m.jiraTaskSync),
  },
};
