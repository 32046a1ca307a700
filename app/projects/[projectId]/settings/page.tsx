import type { Metadata } from 'next';
import { Card, PageHeader } from '@/app/_components/ui';
import { getDb } from '@/db/client';
import { listProjectIntegrations } from '@/db/queries/integrations';
import { requireProjectAccess } from '@/lib/auth/project-access';
import { getProviderCore } from '@/lib/integrations/registry';
import { DeleteProjectForm, RenameProjectForm } from '../../_components/project-settings-forms';
import { ProjectTimeZoneForm } from '../../_components/project-time-zone-form';

type Params = { params: Promise<{ projectId: string }> };

export const metadata: Metadata = { title: 'Project settings' };

// GET /projects/:projectId/settings — owners only (403 for members): rename, delete.
export default async function ProjectSettingsPage({ params }: Params) {
  const { projectId } = await params;
  const { project } = await requireProjectAccess(projectId, 'owner', `/projects/${encodeURIComponent(projectId)}/settings`);
  const integrations = await listProjectIntegrations(getDb(), project.id);
  const described = integrations.map((i) => ({
    id: i.id,
    provider: getProviderCore(i.provider.providerType).defaults.name,
    target: i.externalName || i.externalId || 'not configured',
  }));
  return (
    <>
      <PageHeader back={{ href: `/projects/${project.id}`, label: project.name }} title="Project settings" />
      <div className="max-w-2xl space-y-6">
        <Card aria-labelledby="rename-heading">
          <h2 id="rename-heading" className="mb-3 text-base font-semibold">Name and description</h2>
          <RenameProjectForm projectId={project.id} name={project.name} description={project.description} />
        </Card>
        <Card aria-labelledby="time-zone-heading">
          <h2 id="time-zone-heading" className="mb-3 text-base font-semibold">Time zone</h2>
          <ProjectTimeZoneForm projectId={project.id} timeZone={project.timeZone} />
        </Card>
        <Card aria-labelledby="delete-heading" className="border-red-200">
          <h2 id="delete-heading" className="text-base font-semibold text-red-800">Delete project</h2>
          <p className="mt-1 text-sm text-slate-600">
            Deletes every task, milestone and member of this project. This cannot be undone.
          </p>
          {described.length > 0 ? (
            <ul className="mt-3 space-y-1 text-sm" data-testid="delete-integrations">
              {described.map((i) => (
                <li key={i.id} className="break-words">
                  <span className="font-medium">{i.provider}</span> ({i.target}): the integration is deleted (our webhook there is removed); its issues and other items are left as they are.
                </li>
              ))}
            </ul>
          ) : (
            <p className="mt-3 text-sm text-slate-600">No integrations are connected.</p>
          )}
          <DeleteProjectForm projectId={project.id} name={project.name} />
        </Card>
      </div>
    </>
  );
}
