'use client';

import { Alert, Button } from '@/app/_components/ui';
import { decideCalendarProposal } from '@/lib/actions/decide-calendar-proposal';
import { useServerAction } from './use-server-action';

export type ProposalView = { id: string; itemTitle: string | null; itemHref: string | null; providerName: string; fromDate: string | null; toDate: string };

/** Moves made in a calendar, waiting for the owner: accept (the due date moves) or reject (the event goes back). */
export function CalendarProposals({ projectId, proposals, canDecide }: { projectId: string; proposals: ProposalView[]; canDecide: boolean }) {
  const decide = useServerAction(decideCalendarProposal);
  return (
    <div className="space-y-2" data-testid="calendar-proposals">
      {decide.formError && <Alert>{decide.formError}</Alert>}
      <ul className="space-y-2">
        {proposals.map((p) => (
          <li key={p.id} className="rounded-md border border-amber-200 bg-amber-50 p-2 text-sm" data-testid="calendar-proposal">
            <p>
              {p.itemHref && p.itemTitle ? <a className="font-medium underline" href={p.itemHref}>{p.itemTitle}</a> : <span className="font-medium">{p.itemTitle ?? 'Deleted item'}</span>}{' '}
              moved in {p.providerName}: {p.fromDate ?? 'no date'} → <strong>{p.toDate}</strong>
            </p>
            {canDecide && (
              <div className="mt-2 flex gap-2">
                <Button type="button" disabled={decide.pending} onClick={() => decide.run({ projectId, proposalId: p.id, decision: 'accept' })}>Accept new date</Button>
                <Button type="button" variant="secondary" disabled={decide.pending} onClick={() => decide.run({ projectId, proposalId: p.id, decision: 'reject' })}>Reject</Button>
              </div>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
