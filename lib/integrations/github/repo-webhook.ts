import { SubscriptionRefusedError } from '../kit/errors';
import type { IntegrationConnection, SubscriptionCapability, SubscriptionState } from '../types';
import { clientDefaults, createGithubClient, parseRepo } from './client';

/** The events Taskbridge asks GitHub to send (the provider definition's defaults). */
export const GITHUB_HOOK_EVENTS = ['issues', 'issue_comment', 'pull_request', 'push'];

/** Our delivery URL for an integration (the webhook route of issue 3). */
export function githubWebhookUrl(appUrl: string, integrationId: string): string {
  return `${appUrl.replace(/\/+$/, '')}/integrations/webhooks/github/${integrationId}/`;
}

/**
 * Registers the repository webhook with the integration's secret, when the token may
 * (admin on the repo). Returns the hook id to store; throws SubscriptionRefusedError with the
 * reason when the token may not — the configure page then shows what to paste into GitHub.
 */
async function registerGithubWebhook(connection: IntegrationConnection, input: { url: string; secret: string }): Promise<SubscriptionState> {
  const target = parseRepo(connection.externalId);
  const octokit = createGithubClient(connection, { ...clientDefaults(), maxWaitSeconds: 0 });
  try {
    const existing = await octokit.paginate('GET /repos/{owner}/{repo}/hooks', { ...target, per_page: 100 });
    const ours = existing.find((h) => h.config.url?.replace(/\/+$/, '') === input.url.replace(/\/+$/, ''));
    if (ours) await octokit.request('DELETE /repos/{owner}/{repo}/hooks/{hook_id}', { ...target, hook_id: ours.id });
    const { data } = await octokit.request('POST /repos/{owner}/{repo}/hooks', {
      ...target,
      name: 'web',
      active: true,
      events: GITHUB_HOOK_EVENTS,
      config: { url: input.url, content_type: 'json', secret: input.secret, insecure_ssl: '0' },
    });
    return { id: String(data.id), resourceId: null, expiresAt: null };
  } catch (err) {
    const status = (err as { status?: number }).status;
    if (status === 404 || status === 403) {
      throw new SubscriptionRefusedError('This token may not manage the repository’s webhooks (admin access needed): add the webhook by hand.');
    }
    throw new SubscriptionRefusedError('GitHub could not be reached to register the webhook.');
  }
}

/**
 * Removes the webhooks pointing at this integration (found by URL, so it needs no stored
 * id). Called before the integration is deleted; a token that may not is not an error.
 */
export async function removeGithubWebhook(connection: IntegrationConnection): Promise<void> {
  if (!connection.externalId || !(await connection.accessToken())) return;
  const target = parseRepo(connection.externalId);
  const octokit = createGithubClient(connection, { ...clientDefaults(), maxWaitSeconds: 0 });
  const suffix = `/integrations/webhooks/github/${connection.integrationId}`;
  try {
    const hooks = await octokit.paginate('GET /repos/{owner}/{repo}/hooks', { ...target, per_page: 100 });
    for (const hook of hooks.filter((h) => (h.config.url ?? '').replace(/\/+$/, '').endsWith(suffix))) {
      await octokit.request('DELETE /repos/{owner}/{repo}/hooks/{hook_id}', { ...target, hook_id: hook.id });
    }
  } catch (err) {
    const status = (err as { status?: number }).status;
    if (status !== 401 && status !== 403 && status !== 404) throw err;
  }
}

/** GitHub repository hooks do not expire: renewing keeps the hook as it is. */
export const githubSubscription: SubscriptionCapability = {
  renewMarginMs: 0,
  subscribe: registerGithubWebhook,
  renew: async (_connection, current) => current,
  unsubscribe: (connection) => removeGithubWebhook(connection),
};
