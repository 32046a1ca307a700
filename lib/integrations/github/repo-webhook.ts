import type { IntegrationConnection } from '../types';
import { createGithubClient, parseRepo } from './client';
import { clientDefaults } from './sync-issues';

/** The events Taskbridge asks GitHub to send (the provider definition's defaults). */
export const GITHUB_HOOK_EVENTS = ['issues', 'issue_comment', 'pull_request', 'push'];

/** Our delivery URL for an integration (the webhook route of issue 3). */
export function githubWebhookUrl(appUrl: string, integrationId: string): string {
  return `${appUrl.replace(/\/+$/, '')}/integrations/webhooks/github/${integrationId}/`;
}

/**
 * Registers the repository webhook with the integration's secret, when the token may
 * (admin on the repo). Returns the hook id to store, or null with the reason when the
 * token may not — the configure page then shows what to paste into GitHub.
 */
export async function registerGithubWebhook(
  connection: IntegrationConnection,
  input: { url: string; secret: string },
): Promise<{ ok: true; hookId: string } | { ok: false; reason: string }> {
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
    return { ok: true, hookId: String(data.id) };
  } catch (err) {
    const status = (err as { status?: number }).status;
    if (status === 404 || status === 403) {
      return { ok: false, reason: 'This token may not manage the repository’s webhooks (admin access needed): add the webhook by hand.' };
    }
    return { ok: false, reason: 'GitHub could not be reached to register the webhook.' };
  }
}

/**
 * Removes the webhooks pointing at this integration (found by URL, so it needs no stored
 * id). Called before the integration is deleted; a token that may not is not an error.
 */
export async function removeGithubWebhook(connection: IntegrationConnection): Promise<void> {
  if (!connection.accessToken || !connection.externalId) return;
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
