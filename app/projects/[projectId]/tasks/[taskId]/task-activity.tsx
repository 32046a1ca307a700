import { Card } from '@/app/_components/ui';
import { getDb } from '@/db/client';
import { type ActivityRow, listTaskActivity } from '@/db/queries/task-activity';
import type { MemberRow } from '@/db/queries/members';
import { priorityOptions, statusOptions } from '../../../_components/task-options';
import { When } from './when';

const fieldNames: Record<string, string> = {
  title: 'title', description: 'description', status: 'status', priority: 'priority', labels: 'labels',
  assigneeIds: 'assignees', dueDate: 'due date', milestoneId: 'milestone',
};

type Names = { members: Map<string, string>; milestones: Map<string, string> };

/** A value as people read it: status and priority labels, member and milestone names. */
function show(field: string, value: unknown, names: Names): string {
  if (value === null || value === undefined || value === '') return 'none';
  if (field === 'status') return statusOptions[value as keyof typeof statusOptions]?.label ?? String(value);
  if (field === 'priority') return priorityOptions[value as keyof typeof priorityOptions]?.label ?? String(value);
  if (field === 'milestoneId') return names.milestones.get(String(value)) ?? 'a deleted milestone';
  if (field === 'assigneeIds') return (value as string[]).map((id) => names.members.get(id) ?? 'a former member').join(', ') || 'nobody';
  if (Array.isArray(value)) return value.join(', ') || 'none';
  const text = String(value);
  return text.length > 80 ? `${text.slice(0, 80)}…` : text;
}

function sentence(row: ActivityRow, names: Names): string {
  switch (row.field) {
    case 'created': return 'created the task';
    case 'deleted': return 'deleted the task';
    case 'restored': return 'restored the task';
    case 'description': return 'edited the description';
    default: return `changed ${fieldNames[row.field] ?? row.field} from “${show(row.field, row.fromValue, names)}” to “${show(row.field, row.toValue, names)}”`;
  }
}

/** Local edits of the task (who changed what), next to the sync timeline of linked items. */
export async function TaskActivity(props: { projectId: string; taskId: string; timeZone: string; members: MemberRow[]; milestones: Array<{ id: string; title: string }> }) {
  const rows = await listTaskActivity(getDb(), props.projectId, props.taskId);
  const names: Names = {
    members: new Map(props.members.map((m) => [m.userId, m.name || m.email])),
    milestones: new Map(props.milestones.map((m) => [m.id, m.title])),
  };
  return (
    <Card aria-labelledby="activity-heading" data-testid="task-activity">
      <h2 id="activity-heading" className="text-base font-semibold">
        Activity
      </h2>
      {rows.length === 0 ? (
        <p className="mt-2 text-sm text-slate-500">No edits recorded yet.</p>
      ) : (
        <ol className="mt-2 space-y-1.5 text-sm">
          {rows.map((r) => (
            <li key={r.id} data-testid="activity-row" className="break-words [overflow-wrap:anywhere]">
              <span className="font-medium">{r.actorName || r.actorEmail || 'Someone'}</span> {sentence(r, names)}{' '}
              <span className="text-xs text-slate-500">
                · <When at={r.createdAt} timeZone={props.timeZone} />
              </span>
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}
