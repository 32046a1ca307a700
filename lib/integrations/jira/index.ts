import type { ProviderDefinition } from '../types';
import { jiraProjectKeySchema, jiraSettingsSchema, type JiraSettings } from './schema';
import { jiraWebhook } from './verify-webhook';

export const jira: ProviderDefinition<JiraSettings> = {
  id: 'jira',
  defaults: {
    name: 'Jira',
    description: 'Import and export issues with field, status and priority mapping.',
    apiBaseUrl: 'https://api.atlassian.com',
    apiBaseUrlEnv: 'JIRA_API_URL',
    authUrl: 'https://auth.atlassian.com/authorize',
    tokenUrl: 'https://auth.atlassian.com/oauth/token',
    scopes: ['read:jira-work', 'write:jira-work', 'manage:jira-webhook', 'offline_access'],
    webhookEvents: ['jira:issue_created', 'jira:issue_updated', 'jira:issue_deleted', 'comment_created'],
  },
  externalId: {
    label: 'Project key',
    placeholder: 'PROJ',
    help: 'The key of the Jira project, as in PROJ-123.',
    schema: jiraProjectKeySchema,
  },
  settingsSchema: jiraSettingsSchema,
  webhookHelp:
    'Jira settings → System → WebHooks → Create. Paste the URL and the secret below; events: issue created, updated, deleted, comment created.',
  webhook: jiraWebhook,
};
