import type { Metadata } from 'next';
import { Card, PageHeader } from '@/app/_components/ui';
import { getDb } from '@/db/client';
import { listMembers } from '@/db/queries/members';
import { listMilestones } from '@/db/queries/milestones';
import { requireProjectAccess } from '@/lib/auth/project-access';
import { TaskForm } from '../../../_components/task-form';

type Params = { params: Promise<{ projectId: string }> };

export const metadata: Metadata = { title: 'New task' };

// GET /projects/:projectId/tasks/new — the full task form (quick add on the project page takes just a title).
export default async function NewTaskPage({ params }: Params) {
  const { projectId } = await params;
  const { project } = await requireProjectAccess(projectId, 'member', `/projects/${encodeURIComponent(projectId)}/tasks/new`);
  const db = getDb();
  const [members, milestones] = await Promise.all([listMembers(db, project.id), listMilestones(db, project.id)]);
  return (
    <>
      <PageHeader back={{ href: `/projects/${project.id}`, label: project.name }} title="New task" />
      <Card aria-labelledby="new-task-heading" className="max-w-2xl">
        <h2 id="new-task-heading" className="sr-only">New task</h2>
        <TaskForm
          projectId={project.id}
          members={members}
          milestones={milestones.map((m) => ({ id: m.id, title: m.title }))}
          afterCreate={`/projects/${project.id}`}
        />
      </Card>
    </>
  );
}
