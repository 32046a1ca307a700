import type { Metadata } from 'next';
import { ButtonLink, Card, PageHeader } from '@/app/_components/ui';
import { getDb } from '@/db/client';
import { listMembers } from '@/db/queries/members';
import { listMilestones } from '@/db/queries/milestones';
import { listTasks } from '@/db/queries/tasks';
import { requireProjectAccess } from '@/lib/auth/project-access';
import { MembersPanel } from '../_components/members-panel';
import { MilestonesSection } from '../_components/milestones-section';
import { TaskForm } from '../_components/task-form';
import { TaskList } from '../_components/task-list';

type Params = { params: Promise<{ projectId: string }> };
const projectPath = (projectId: string) => `/projects/${encodeURIComponent(projectId)}`;

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { projectId } = await params;
  const { project } = await requireProjectAccess(projectId, 'member', projectPath(projectId));
  return { title: project.name };
}

// GET /projects/:projectId — members only (404 otherwise): tasks, milestones, members.
export default async function ProjectPage({ params }: Params) {
  const { projectId } = await params;
  const { project, role, user } = await requireProjectAccess(projectId, 'member', projectPath(projectId));
  const db = getDb();
  const [tasks, milestones, members] = await Promise.all([
    listTasks(db, projectId),
    listMilestones(db, projectId),
    listMembers(db, projectId),
  ]);
  const milestoneOptions = milestones.map((m) => ({ id: m.id, title: m.title }));
  const open = tasks.filter((t) => t.status === 'todo' || t.status === 'in_progress').length;
  return (
    <>
      <PageHeader
        back={{ href: '/projects', label: 'Projects' }}
        title={project.name}
        subtitle={project.description || `${open} open of ${tasks.length} ${tasks.length === 1 ? 'task' : 'tasks'}`}
        actions={<ButtonLink href={`/integrations/project/${projectId}/`}>Integrations</ButtonLink>}
      />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <div className="min-w-0 space-y-6">
          <section aria-labelledby="tasks-heading" className="space-y-3">
            <h2 id="tasks-heading" className="text-base font-semibold">
              Tasks <span className="font-normal text-slate-500">({tasks.length})</span>
            </h2>
            <TaskList projectId={projectId} tasks={tasks} members={members} milestones={milestoneOptions} today={new Date().toISOString().slice(0, 10)} />
          </section>
          <Card aria-labelledby="new-task-heading">
            <h2 id="new-task-heading" className="mb-4 text-base font-semibold">
              New task
            </h2>
            <TaskForm projectId={projectId} members={members} milestones={milestoneOptions} />
          </Card>
        </div>
        <aside className="min-w-0 space-y-6">
          <MilestonesSection projectId={projectId} milestones={milestones} tasks={tasks} />
          <MembersPanel projectId={projectId} members={members} isOwner={role === 'owner'} currentUserId={user.id} />
        </aside>
      </div>
    </>
  );
}
