import { Card } from '@/app/_components/ui';
import type { Milestone } from '@/db/schema/projects';
import { EditableMilestone, MilestoneForm } from './milestone-form';

type Props = { projectId: string; milestones: Milestone[]; progress: Map<string, { done: number; total: number }> };

/** The project's milestones with done/total progress, an inline editor each, and an add form. */
export function MilestonesSection({ projectId, milestones, progress }: Props) {
  return (
    <Card aria-labelledby="milestones-heading">
      <h2 id="milestones-heading" className="text-base font-semibold">
        Milestones
      </h2>
      {milestones.length === 0 ? (
        <p className="mt-2 text-sm text-slate-500">No milestones yet.</p>
      ) : (
        <ul className="mt-3 space-y-3">
          {milestones.map((m) => {
            const { done, total } = progress.get(m.id) ?? { done: 0, total: 0 };
            const pct = total ? Math.round((done / total) * 100) : 0;
            return (
              <li key={m.id} data-testid="milestone-row">
                <EditableMilestone projectId={projectId} milestone={m}>
                  <p className="break-words text-sm font-medium text-slate-900 [overflow-wrap:anywhere]">{m.title}</p>
                  <p className="text-xs text-slate-500">
                    {m.dueDate ? `Due ${m.dueDate}` : 'No due date'} · {done}/{total} done
                  </p>
                  <div className="mt-1 h-1.5 overflow-hidden rounded-full bg-slate-100" aria-hidden>
                    <div className="h-full rounded-full bg-emerald-500" style={{ width: `${pct}%` }} />
                  </div>
                </EditableMilestone>
              </li>
            );
          })}
        </ul>
      )}
      <div className="mt-4 border-t border-slate-100 pt-4">
        <MilestoneForm projectId={projectId} />
      </div>
    </Card>
  );
}
