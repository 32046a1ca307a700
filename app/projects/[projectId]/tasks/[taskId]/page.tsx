import type { Metadata } from 'next';
import { cookies } from 'next/headers';
import { notFound } from 'next/navigation';
import { Badge, Card, formatDateTime, PageHeader } from '@/app/_components/ui';
import { getDb } from '@/db/client';
import { listMembers } from '@/db/queries/members';
import { listMilestones } from '@/db/queries/milestones';
import { getTask, linkedTaskIds } from '@/db/queries/tasks';
import { isUuid } from '@/lib/actions/task-schema';
import { requireProjectAccess } from '@/lib/auth/project-access';
import { TaskForm } from '../../../_components/task-form';
import { DeleteTasks } from '../../../_components/tasks/delete-tasks';
import { memberName, priorityOptions, statusOptions } from '../../../_components/task-options';
import { safeTimeZone, TZ_COOKIE } from '@/lib/tasks/local-dates';
import { TaskActivity } from './task-activity';
import { TaskComments } from './task-comments';
import { TaskIntegrations } from './task-integrations';
import { CalendarProposalsCard } from '../../../_components/calendar-proposals-card';

type Params = { params: Promise<{ projectId: string; taskId: string }> };

// The task, or 404 for a non-member, a task of another project, or a malformed id.
async function load(params: Params['params']) {
  const { projectId, taskId } = await params;
  const access = await requireProjectAccess(projectId, 'member', `/projects/${encodeURIComponent(projectId)}/tasks/${encodeURIComponent(taskId)}`);
  const task = isUuid(taskId) ? await getTask(getDb(), projectId, taskId) : undefined;
  if (!task) notFound();
  return { ...access, task };
}

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  return { title: (await load(params)).task.title };
}

// GET /projects/:projectId/tasks/:taskId — task detail, edit form, linked external items.
export default async function TaskPage({ params }: Params) {
  const { project, task, role } = await load(params);
  const db = getDb();
  const [members, milestones, linked] = await Promise.all([listMembers(db, project.id), listMilestones(db, project.id), linkedTaskIds(db, [task.id])]);
  const creator = members.find((m) => m.userId === task.createdBy);
  const timeZone = safeTimeZone((await cookies()).get(TZ_COOKIE)?.value);
  const milestoneOptions = milestones.map((m) => ({ id: m.id, title: m.title }));
  return (
    <>
      <PageHeader
        back={{ href: `/projects/${project.id}`, label: project.name }}
        title={<span className="break-words [overflow-wrap:anywhere]">{task.title}</span>}
        actions={<DeleteTasks projectId={project.id} taskIds={[task.id]} anyLinked={linked.size > 0} redirectTo={`/projects/${project.id}`} />}
        subtitle={
          <span className="inline-flex flex-wrap items-center gap-2">
            <Badge tone={statusOptions[task.status].tone}>{statusOptions[task.status].label}</Badge>
            <Badge tone={priorityOptions[task.priority].tone}>{priorityOptions[task.priority].label}</Badge>
            <span>Updated {formatDateTime(task.updatedAt)}</span>
          </span>
        }
      />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <div className="min-w-0 space-y-6">
        <Card aria-labelledby="edit-task-heading" className="min-w-0">
          <h2 id="edit-task-heading" className="mb-4 text-base font-semibold">
            Edit task
          </h2>
          <TaskForm
            projectId={project.id}
            members={members}
            milestones={milestoneOptions}
            task={task}
          />
        </Card>
        <TaskComments projectId={project.id} taskId={task.id} timeZone={timeZone} />
        </div>
        <aside className="min-w-0 space-y-6">
          <Card aria-labelledby="task-details-heading">
            <h2 id="task-details-heading" className="text-base font-semibold">
              Details
            </h2>
            <dl className="mt-2 grid grid-cols-[6rem_minmax(0,1fr)] gap-y-1 text-sm">
              <dt className="text-slate-500">Created</dt>
              <dd>{formatDateTime(task.createdAt)}</dd>
              <dt className="text-slate-500">By</dt>
              <dd className="truncate">{creator ? memberName(creator) : '—'}</dd>
              <dt className="text-slate-500">Milestone</dt>
              <dd className="truncate">{milestones.find((m) => m.id === task.milestoneId)?.title ?? '—'}</dd>
            </dl>
          </Card>
          {task.externalAssignees.length > 0 && (
            <Card aria-labelledby="external-assignees-heading">
              <h2 id="external-assignees-heading" className="text-base font-semibold">
                External assignees
              </h2>
              <p className="mt-1 text-xs text-slate-500">From a linked integration; not project members, read-only here.</p>
              <ul className="mt-2 flex flex-wrap gap-1" data-testid="external-assignees">
                {task.externalAssignees.map((a) => (
                  <li key={a}>
                    <Badge>@{a}</Badge>
                  </li>
                ))}
              </ul>
            </Card>
          )}
          <CalendarProposalsCard projectId={project.id} taskId={task.id} canDecide={role === 'owner'} />
          <TaskIntegrations projectId={project.id} taskId={task.id} />
          <TaskActivity projectId={project.id} taskId={task.id} timeZone={timeZone} members={members} milestones={milestoneOptions} />
        </aside>
      </div>
    </>
  );
}
