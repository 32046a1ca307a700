'use server';

import { createProject as insertProject } from '@/db/queries/projects';
import { authedAction } from './safe-action';
import { createProjectSchema } from './task-schema';

/** Any signed-in user can create a project; they become its owner. */
export const createProject = authedAction('signed-in', createProjectSchema, async ({ db, user }, input) => {
  const project = await insertProject(db, { ...input, ownerId: user.id });
  return { id: project.id, name: project.name };
});
