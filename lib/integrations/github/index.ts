import type { ProviderDefinition } from '../types';
import { exportGithubTask, pushGithubTask } from './export-task';
import { handleGithubWebhook } from './handle-webhook';
import { registerGithubWebhook, removeGithubWebhook } from './repo-webhook';
import { githubRepoSchema, githubSettingsSchema, type GithubSettings } from './schema';
import { syncGithubPage } from './sync-issues';
import { testGithubConnection } from './test-connection';
import { githubWebhook } from './verify-webhook';

export const github: ProviderDefinition<GithubSettings> = {
  id: 'github',
  defaults: {
    name: 'GitHub',
    description: 'Issues become tasks and tasks become issues, both ways.',
    apiBaseUrl: 'https://api.github.com',
    apiBaseUrlEnv: 'GITHUB_API_URL',
    authUrl: 'https://github.com/login/oauth/authorize',
    tokenUrl: 'https://github.com/login/oauth/access_token',
    scopes: ['repo', 'admin:repo_hook'],
    webhookEvents: ['issues', 'issue_comment', 'pull_request', 'push'],
  },
  externalId: {
    label: 'Repository',
    placeholder: 'owner/repository',
    help: 'The repository whose issues sync with this project.',
    schema: githubRepoSchema,
  },
  settingsSchema: githubSettingsSchema,
  webhookHelp:
    'Repository → Settings → Webhooks → Add webhook. Content type application/json, the secret below, events: Issues, Issue comments, Pull requests, Pushes.',
  webhook: githubWebhook,
  testConnection: testGithubConnection,
  sync: syncGithubPage,
  onDelete: removeGithubWebhook,
  handleWebhook: handleGithubWebhook,
  registerWebhook: registerGithubWebhook,
  exportTask: exportGithubTask,
  pushTask: pushGithubTask,
};
