'use server';

import { and, eq } from 'drizzle-orm';
import { logAction } from '@/db/queries/integration-logs';
import { projectIntegrations } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { jiraMappingSchema } from '@/lib/integrations/jira/mapping-schema';
import { hasMappingPage } from '@/lib/integrations/mapping-pages';
import { getProviderCore } from '@/lib/integrations/registry';
import { loadIntegrationOr404 } from './load-integration';
import { authedAction } from './safe-action';

/** Owner saves the Jira field mapping; it applies from the next sync (the snapshot keeps comparing in task terms). */
export const saveJiraMapping = authedAction('owner', jiraMappingSchema, async ({ db, user }, input) => {
  const current = await loadIntegrationOr404(db, input);
  const provider = getProviderCore(current.provider.providerType);
  if (!hasMappingPage(provider.id)) throw new AppError('not_found', 'This integration has no field mapping.');
  const { projectId: _p, integrationId: _i, ...mapping } = input;
  const merged = provider.settingsSchema.safeParse({ ...current.settings, ...mapping });
  if (!merged.success) {
    const issue = merged.error.issues[0]!;
    throw new AppError('bad_request', issue.message, issue.path.join('.') || undefined);
  }
  await db
    .update(projectIntegrations)
    .set({ settings: merged.data, updatedAt: new Date() })
    .where(and(eq(projectIntegrations.id, current.id), eq(projectIntegrations.projectId, input.projectId)));
  await logAction(db, {
    actionType: 'config',
    providerId: current.providerId,
    integrationId: current.id,
    description: 'Field mapping saved; it applies from the next sync.',
    details: { by: user.id, statuses: Object.keys(mapping.statusMap).length, priorities: Object.keys(mapping.priorityMap).length, issueType: mapping.issueType },
  });
  return { saved: true };
});
