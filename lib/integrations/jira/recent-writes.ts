/**
 * Issue ids this process wrote in the last minutes, per integration: search/jql is eventually
 * consistent, and Jira reads these fresh when they are passed as `reconcileIssues` (≤ 50).
 */
const KEEP_MS = 5 * 60_000;
const MAX_IDS = 50;
const writes = new Map<string, Map<number, number>>();

export function rememberWrite(integrationId: string, issueId: string, now = Date.now()): void {
  const id = Number(issueId);
  if (!Number.isSafeInteger(id)) return;
  const ids = writes.get(integrationId) ?? new Map<number, number>();
  ids.delete(id);
  ids.set(id, now + KEEP_MS);
  while (ids.size > MAX_IDS) ids.delete(ids.keys().next().value!);
  writes.set(integrationId, ids);
}

/** The ids still worth reconciling (newest last); expired ones are dropped. */
export function takeRecentWrites(integrationId: string, now = Date.now()): number[] {
  const ids = writes.get(integrationId);
  if (!ids) return [];
  for (const [id, until] of ids) if (until < now) ids.delete(id);
  if (!ids.size) writes.delete(integrationId);
  return [...ids.keys()];
}
