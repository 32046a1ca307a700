import { randomUUID } from 'node:crypto';
import examples from '@octokit/webhooks-examples';
import { fakeUser, type FakeIssue, type FakeRepo } from './fake-state';

/** One webhook GitHub would send: event, action, delivery id and the JSON body, in order of emission. */
export type FakeDelivery = { deliveryId: string; event: 'issues'; action: string; payload: Record<string, unknown> };

const issueExamples = examples.find((e) => e.name === 'issues')!.examples as unknown as Array<Record<string, unknown> & { action: string }>;

/** GitHub's own payload for the action (webhooks-examples), falling back to `opened` for actions it lacks (closed). */
function template(action: string): Record<string, unknown> {
  const found = issueExamples.find((e) => e.action === action) ?? issueExamples.find((e) => e.action === 'opened')!;
  const { changes: _changes, ...rest } = structuredClone(found);
  return { ...rest, action };
}

function delivery(repo: FakeRepo, action: string, issue: FakeIssue, extra: Record<string, unknown> = {}): FakeDelivery {
  const base = template(action);
  const repository = { ...(base.repository as object), id: repo.id, name: repo.name, full_name: `${repo.owner}/${repo.name}` };
  return {
    deliveryId: randomUUID(),
    event: 'issues',
    action,
    payload: { ...base, repository, issue: structuredClone(issue), sender: fakeUser('someone'), ...extra },
  };
}

const names = (xs: Array<{ name?: string; login?: string }>) => xs.map((x) => x.name ?? x.login ?? '');

/**
 * The `issues` deliveries GitHub sends for one change of an issue, as it does: one per kind
 * of change (edited with `changes`, closed/reopened, labeled/unlabeled per label,
 * assigned/unassigned per login, milestoned/demilestoned), each carrying the issue as it is
 * after the whole change. `before` null: the issue was just opened.
 */
export function issueChangeDeliveries(repo: FakeRepo, before: FakeIssue | null, after: FakeIssue): FakeDelivery[] {
  if (!before) return [delivery(repo, 'opened', after)];
  const out: FakeDelivery[] = [];
  const changes: Record<string, unknown> = {};
  if (before.title !== after.title) changes.title = { from: before.title };
  if (before.body !== after.body) changes.body = { from: before.body };
  if (Object.keys(changes).length) out.push(delivery(repo, 'edited', after, { changes }));
  if (before.state !== after.state) out.push(delivery(repo, after.state === 'closed' ? 'closed' : 'reopened', after));
  const [lb, la] = [names(before.labels), names(after.labels)];
  for (const l of la.filter((x) => !lb.includes(x))) out.push(delivery(repo, 'labeled', after, { label: after.labels.find((x) => x.name === l) }));
  for (const l of lb.filter((x) => !la.includes(x))) out.push(delivery(repo, 'unlabeled', after, { label: before.labels.find((x) => x.name === l) }));
  const [ab, aa] = [names(before.assignees), names(after.assignees)];
  for (const a of aa.filter((x) => !ab.includes(x))) out.push(delivery(repo, 'assigned', after, { assignee: fakeUser(a) }));
  for (const a of ab.filter((x) => !aa.includes(x))) out.push(delivery(repo, 'unassigned', after, { assignee: fakeUser(a) }));
  if ((before.milestone?.id ?? null) !== (after.milestone?.id ?? null)) {
    out.push(after.milestone ? delivery(repo, 'milestoned', after, { milestone: after.milestone }) : delivery(repo, 'demilestoned', after, { milestone: before.milestone }));
  }
  return out;
}

/** deleted: the issue is gone; transferred: it moved to `toRepo` as a new number. */
export function issueRemovedDelivery(repo: FakeRepo, issue: FakeIssue, transfer?: { toRepo: string; newNumber: number }): FakeDelivery {
  if (!transfer) return delivery(repo, 'deleted', issue);
  const [owner, name] = transfer.toRepo.split('/');
  return delivery(repo, 'transferred', issue, {
    changes: { new_issue: { ...structuredClone(issue), number: transfer.newNumber }, new_repository: { ...(template('transferred').repository as object), name, full_name: transfer.toRepo, owner: fakeUser(owner!) } },
  });
}
