'use server';

import { updateProject as patchProject } from '@/db/queries/projects';
import { AppError } from '@/lib/errors';
import { updateProjectSchema } from './lifecycle-schemas';
import { authedAction } from './safe-action';

/** The owner renames the project (and edits its description). */
export const updateProject = authedAction('owner', updateProjectSchema, async ({ db }, input) => {
  const { projectId, ...patch } = input;
  const project = await patchProject(db, projectId, patch);
  if (!project) throw new AppError('not_found', 'Project not found.');
  return project;
});
