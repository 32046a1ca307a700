import type { ProviderCore } from '../types';
import { githubRepoSchema, githubSettingsSchema, type GithubSettings } from './schema';

/** GitHub without Octokit: its capabilities load on first use. */
export const github: ProviderCore<GithubSettings> = {
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
  load: {
    webhook: () => import('./verify-webhook').then((m) => m.githubWebhook),
    oauth: () => import('./oauth').then((m) => m.githubOAuth),
    connection: () => Promise.all([import('./test-connection'), import('./repo-webhook')])
      .then(([t, h]) => ({ test: t.testGithubConnection, onDelete: h.removeGithubWebhook })),
    subscription: () => import('./repo-webhook').then((m) => m.githubSubscription),
    inbound: () => import('./process-delivery').then((m) => m.githubInbound),
    taskSync: () => import('./task-sync').then((m) => m.githubTaskSync),
  },
};
