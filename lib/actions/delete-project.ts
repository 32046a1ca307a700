'use server';

import { listProjectIntegrations } from '@/db/queries/integrations';
import { deleteProject as removeProject, getProject } from '@/db/queries/projects';
import { AppError } from '@/lib/errors';
import { logIntegrationDeleted, runProviderCleanup } from './integration-cleanup';
import { deleteProjectSchema } from './lifecycle-schemas';
import { authedAction } from './safe-action';

/**
 * The owner deletes the project after typing its name. Each integration is deleted the way
 * "Delete integration" does it (provider cleanup, audit line); external items (issues,
 * events) are left as they are. Tasks, milestones and members go with the project.
 */
export const deleteProject = authedAction('owner', deleteProjectSchema, async ({ db, user }, input) => {
  const project = await getProject(db, input.projectId);
  if (!project) throw new AppError('not_found', 'Project not found.');
  if (input.confirmName.trim() !== project.name) {
    throw new AppError('bad_request', 'Type the project name exactly as shown to confirm.', 'confirmName');
  }
  const integrations = await listProjectIntegrations(db, project.id);
  const cleanups = [];
  for (const integration of integrations) cleanups.push({ integration, cleanup: await runProviderCleanup(integration) });
  if (!(await removeProject(db, project.id))) throw new AppError('not_found', 'Project not found.');
  for (const { integration, cleanup } of cleanups) {
    await logIntegrationDeleted(db, integration, cleanup, { by: user.id, projectId: project.id, projectDeleted: true });
  }
  return { deleted: project.id, integrations: cleanups.length };
});
