import type { ProviderDefinition } from '../types';
import { githubInbound } from './process-delivery';
import { githubSubscription, removeGithubWebhook } from './repo-webhook';
import { githubOAuth } from './oauth';
import { githubRepoSchema, githubSettingsSchema, type GithubSettings } from './schema';
import { githubTaskSync } from './task-sync';
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
    features: [
      "Imports the repository's issues as tasks (labels, assignees, milestones)",
      'Sends task edits back to their issues; conflicts follow the policy you choose',
      'Creates an issue from a task',
      'Live updates: registers its repository webhook when the token may, and redelivers what GitHub failed to deliver',
    ],
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
  oauth: githubOAuth,
  connection: { test: testGithubConnection, onDelete: removeGithubWebhook },
  subscription: githubSubscription,
  inbound: githubInbound,
  taskSync: githubTaskSync,
};
