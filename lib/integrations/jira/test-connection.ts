import { UserFacingError } from '@/lib/errors';
import { ReconnectNeededError } from '@/lib/integrations/kit/errors';
import type { ConnectionResult, IntegrationConnection } from '../types';
import { createJiraClient, JiraConfigError, jiraErrorResponse } from './client';

/**
 * "Save & test connection": `myself` proves the credentials, then the project must be
 * visible to that account. Every refusal becomes a named problem, never a throw.
 */
export async function testJiraConnection(connection: IntegrationConnection): Promise<ConnectionResult> {
  if (!connection.externalId) return { ok: false, problem: 'invalid_config', message: 'Set the Jira project key (as in PROJ-123).' };
  let step = 'myself';
  try {
    const client = await createJiraClient(connection, { timeoutMs: 15_000 });
    const me = await client.myself.getCurrentUser();
    step = 'project';
    const project = await client.projects.getProject({ projectIdOrKey: connection.externalId });
    return {
      ok: true,
      externalName: `${project.key ?? connection.externalId} · ${project.name ?? ''}`.trim(),
      details: { accountId: me.accountId, displayName: me.displayName, projectId: project.id, timeZone: me.timeZone },
    };
  } catch (err) {
    if (err instanceof ReconnectNeededError) return { ok: false, problem: 'reconnect_needed', message: err.message };
    if (err instanceof JiraConfigError) return { ok: false, problem: 'invalid_config', message: err.message };
    const status = jiraErrorResponse(err)?.status;
    if (status === 401) return { ok: false, problem: 'reconnect_needed', message: 'Jira rejected the email and token (401): check them or reconnect.' };
    if (status === 404 && step === 'project') {
      return { ok: false, problem: 'not_found', message: `Jira project ${connection.externalId} was not found, or this account cannot see it.` };
    }
    if (status === 403) return { ok: false, problem: 'unreachable', message: 'Jira refused the request (403): the account lacks a permission.' };
    if (status === 429) return { ok: false, problem: 'unreachable', message: 'Jira is rate-limiting this account (429); try again in a minute.' };
    if (status && status >= 300 && status < 400) return { ok: false, problem: 'invalid_config', message: 'Jira answered with a redirect; check the site URL (redirects are not followed).' };
    if (err instanceof UserFacingError) return { ok: false, problem: 'unreachable', message: err.message };
    const blocked = String((err as Error)?.message ?? '').includes('private address');
    return { ok: false, problem: blocked ? 'invalid_config' : 'unreachable', message: blocked ? 'The Jira site resolves to a private address: refused.' : 'Jira could not be reached.' };
  }
}
