import { UserFacingError } from '@/lib/errors';
import type { ExternalMilestone, IntegrationConnection } from '../types';
import { githubFor, parseRepo, translateGithubError } from './client';
import type { GithubIssue } from './map-fields';

/** Milestone id → number: the engine keys milestones by id, GitHub's issue API takes the number. */
const numbers = new Map<string, number>();
function remember(id: string, number: number) {
  if (numbers.size > 10_000) numbers.clear();
  numbers.set(id, number);
}

export function issueMilestone(issue: GithubIssue): ExternalMilestone | null {
  const m = issue.milestone;
  if (!m) return null;
  if (m.number !== undefined) remember(String(m.id), m.number);
  return { externalId: String(m.id), title: m.title, description: m.description ?? '', dueDate: m.due_on ? m.due_on.slice(0, 10) : null };
}

type RestMilestone = { id: number; number: number; title: string; description?: string | null; due_on?: string | null };

async function listMilestones(connection: IntegrationConnection): Promise<RestMilestone[]> {
  const { octokit } = githubFor(connection);
  try {
    const all = (await octokit.paginate('GET /repos/{owner}/{repo}/milestones', { ...parseRepo(connection.externalId), state: 'all', per_page: 100 })) as RestMilestone[];
    for (const m of all) remember(String(m.id), m.number);
    return all;
  } catch (err) {
    translateGithubError(err);
  }
}

export async function milestoneNumber(connection: IntegrationConnection, externalId: string): Promise<number> {
  const known = numbers.get(externalId);
  if (known !== undefined) return known;
  const found = (await listMilestones(connection)).find((m) => String(m.id) === externalId);
  if (!found) throw new UserFacingError('The GitHub milestone was not found in the repository.');
  return found.number;
}

/** The repository's milestone of that title (any case), created when there is none. */
export async function ensureGithubMilestone(
  connection: IntegrationConnection,
  milestone: { title: string; description: string; dueDate: string | null },
): Promise<ExternalMilestone> {
  const existing = (await listMilestones(connection)).find((m) => m.title.toLowerCase() === milestone.title.toLowerCase());
  const toExternal = (m: RestMilestone): ExternalMilestone => ({
    externalId: String(m.id), title: m.title, description: m.description ?? '', dueDate: m.due_on ? m.due_on.slice(0, 10) : null,
  });
  if (existing) return toExternal(existing);
  const { octokit } = githubFor(connection);
  try {
    const { data } = await octokit.request('POST /repos/{owner}/{repo}/milestones', {
      ...parseRepo(connection.externalId), title: milestone.title, description: milestone.description || undefined,
      ...(milestone.dueDate ? { due_on: `${milestone.dueDate}T00:00:00Z` } : {}),
    });
    remember(String(data.id), data.number);
    return toExternal(data as RestMilestone);
  } catch (err) {
    translateGithubError(err);
  }
}
