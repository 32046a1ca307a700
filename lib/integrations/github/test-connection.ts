import type { ConnectionResult, IntegrationConnection } from '../types';
import { clientDefaults, createGithubClient, parseRepo } from './client';

/**
 * "Save & test connection": the token must be accepted (401 → reconnect needed) and the
 * repository visible to it (404 → not found, which GitHub also answers for private repos
 * the token cannot see).
 */
export async function testGithubConnection(connection: IntegrationConnection): Promise<ConnectionResult> {
  if (!(await connection.accessToken())) return { ok: false, problem: 'reconnect_needed', message: 'No GitHub token is stored: connect again.' };
  let target;
  try {
    target = parseRepo(connection.externalId);
  } catch {
    return { ok: false, problem: 'invalid_config', message: 'Set the repository as owner/repository.' };
  }
  const octokit = createGithubClient(connection, { ...clientDefaults(), maxWaitSeconds: 0 });
  try {
    const { data } = await octokit.request('GET /repos/{owner}/{repo}', target);
    return {
      ok: true,
      externalName: data.full_name,
      details: { canManageHooks: Boolean(data.permissions?.admin), private: data.private },
    };
  } catch (err) {
    const status = (err as { status?: number }).status;
    if (status === 401) return { ok: false, problem: 'reconnect_needed', message: 'GitHub rejected the token (bad credentials): reconnect needed.' };
    if (status === 404) {
      return { ok: false, problem: 'not_found', message: `Repository ${target.owner}/${target.repo} was not found, or this token cannot see it.` };
    }
    if (status === 403) return { ok: false, problem: 'unreachable', message: 'GitHub refused the request (rate limit or missing permission); try again later.' };
    return { ok: false, problem: 'unreachable', message: 'GitHub could not be reached.' };
  }
}
