import type { Metadata } from 'next';
import { cookies } from 'next/headers';
import { ButtonLink, PageHeader } from '@/app/_components/ui';
import { CalendarProposalsCard } from '../_components/calendar-proposals-card';
import { getDb } from '@/db/client';
import { listProjectIntegrations } from '@/db/queries/integrations';
import { listMembers } from '@/db/queries/members';
import { listMilestones } from '@/db/queries/milestones';
import { milestoneProgress } from '@/db/queries/task-page';
import { requireProjectAccess } from '@/lib/auth/project-access';
import { getProviderCore } from '@/lib/integrations/registry';
import { localToday, safeTimeZone, TZ_COOKIE, VIEW_COOKIE } from '@/lib/tasks/local-dates';
import { parseTaskQuery, taskViews } from '@/lib/tasks/task-query';
import { MembersPanel } from '../_components/members-panel';
import { MilestonesSection } from '../_components/milestones-section';
import { TaskWorkspace } from '../_components/tasks/task-workspace';

type Props = {
  params: Promise<{ projectId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};
const projectPath = (projectId: string) => `/projects/${encodeURIComponent(projectId)}`;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { projectId } = await params;
  const { project } = await requireProjectAccess(projectId, 'member', projectPath(projectId));
  return { title: project.name };
}

// GET /projects/:projectId — members only (404 otherwise): tasks (list or board, filtered by the URL), milestones, members.
export default async function ProjectPage({ params, searchParams }: Props) {
  const { projectId } = await params;
  const { project, role, user } = await requireProjectAccess(projectId, 'member', projectPath(projectId));
  const jar = await cookies();
  const query = parseTaskQuery(await searchParams);
  const remembered = jar.get(VIEW_COOKIE)?.value;
  const view = query.view ?? (taskViews.find((v) => v === remembered) ?? 'list');
  const timeZone = safeTimeZone(jar.get(TZ_COOKIE)?.value);
  const today = localToday(timeZone);
  const db = getDb();
  const [milestones, members, progress, integrations] = await Promise.all([
    listMilestones(db, projectId),
    listMembers(db, projectId),
    milestoneProgress(db, projectId),
    listProjectIntegrations(db, projectId),
  ]);
  const integrationOptions = integrations.map((i) => ({
    id: i.id,
    label: `${getProviderCore(i.provider.providerType).defaults.name}${i.externalName || i.externalId ? ` ${i.externalName || i.externalId}` : ''}`,
  }));
  return (
    <>
      <PageHeader
        back={{ href: '/projects', label: 'Projects' }}
        title={<span className="break-words [overflow-wrap:anywhere]">{project.name}</span>}
        subtitle={project.description || undefined}
        actions={
          <>
            <ButtonLink href={`/integrations/project/${projectId}/`}>Integrations</ButtonLink>
            {role === 'owner' && <ButtonLink href={`/projects/${projectId}/settings`}>Settings</ButtonLink>}
          </>
        }
      />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_18rem]">
        <div className="min-w-0">
          <TaskWorkspace
            projectId={projectId}
            query={query}
            view={view}
            today={today}
            timeZone={timeZone}
            members={members}
            milestones={milestones.map((m) => ({ id: m.id, title: m.title }))}
            integrations={integrationOptions}
          />
        </div>
        <aside className="min-w-0 space-y-6">
          <CalendarProposalsCard projectId={projectId} canDecide={role === 'owner'} />
          <MilestonesSection projectId={projectId} milestones={milestones} progress={progress} />
          <MembersPanel projectId={projectId} members={members} isOwner={role === 'owner'} currentUserId={user.id} />
        </aside>
      </div>
    </>
  );
}
