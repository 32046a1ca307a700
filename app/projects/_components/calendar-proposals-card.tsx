import { Card } from '@/app/_components/ui';
import { getDb } from '@/db/client';
import { listOpenProposals } from '@/lib/calendar/proposals';
import { parseItemKey } from '@/lib/calendar/event-ids';
import { CalendarProposals } from './calendar-proposals';

/** Open calendar proposals of the project, or of one task; nothing when there are none. */
export async function CalendarProposalsCard({ projectId, taskId, canDecide }: { projectId: string; taskId?: string; canDecide: boolean }) {
  const rows = await listOpenProposals(getDb(), projectId, taskId ? { kind: 'task', id: taskId } : undefined);
  if (rows.length === 0) return null;
  const proposals = rows.map((p) => {
    const ref = parseItemKey(p.itemKey);
    const itemHref = ref?.kind === 'task' ? `/projects/${projectId}/tasks/${ref.id}` : null;
    return { id: p.id, itemTitle: p.itemTitle, itemHref: taskId ? null : itemHref, providerName: p.providerName, fromDate: p.fromDate, toDate: p.toDate };
  });
  return (
    <Card aria-labelledby="calendar-proposals-heading">
      <h2 id="calendar-proposals-heading" className="text-base font-semibold">Calendar moves to review</h2>
      <p className="mb-2 mt-1 text-xs text-slate-500">A deadline's event was moved in a calendar.{canDecide ? '' : ' The project owner decides.'}</p>
      <CalendarProposals projectId={projectId} proposals={proposals} canDecide={canDecide} />
    </Card>
  );
}
