import { logAction } from '@/db/queries/integration-logs';
import { listProjectIntegrations } from '@/db/queries/integrations';
import { pushDeadline } from '@/lib/calendar/push-deadline';
import type { ItemRef } from '@/lib/calendar/event-ids';
import { errorSummary } from '@/lib/errors';
import { providerTypesWith } from '@/lib/integrations/registry';
import type { LocalChange } from '@/lib/integrations/types';
import { recordFanOutEvent } from '@/db/queries/task-timeline';
import type { ChangeTarget } from './types';

/** Task fields an event shows or depends on (title, date, status, and the filters). */
const EVENT_FIELDS = new Set(['title', 'status', 'dueDate', 'assigneeIds', 'labels']);

function refOf(change: LocalChange): ItemRef | null {
  if (change.kind.startsWith('milestone.') && change.milestoneId) return { kind: 'milestone', id: change.milestoneId };
  if (!change.kind.startsWith('task.') || !change.taskId) return null;
  if (change.kind === 'task.updated' && change.fields.length > 0 && !change.fields.some((f) => EVENT_FIELDS.has(f))) return null;
  return { kind: 'task', id: change.taskId };
}

/**
 * Deadlines → calendar events, for every active calendar integration of the project
 * (providerTypesWith('calendar'), never a slug). Reads the item after the commit, so a retry or a
 * late run writes what is true now; each push is idempotent. One integration's failure is
 * logged and rethrown after the others ran, so the fan-out retries.
 */
export const calendarTarget: ChangeTarget = {
  name: 'calendar',
  async run(db, change) {
    const ref = refOf(change);
    if (!ref) return;
    const ids = new Set(providerTypesWith('calendar'));
    const integrations = (await listProjectIntegrations(db, change.projectId)).filter(
      (i) => i.isActive && ids.has(i.provider.providerType) && i.accessToken && i.externalId && i.id !== change.originIntegrationId,
    );
    let failure: unknown = null;
    for (const integration of integrations) {
      try {
        const outcome = await pushDeadline(db, integration, ref);
        if (outcome === 'upserted' || outcome === 'removed') {
          if (ref.kind === 'task') {
            await recordFanOutEvent(db, {
              taskId: ref.id, integrationId: integration.id, changeId: change.id, kind: 'event_upserted',
              summary: `Calendar event ${outcome === 'upserted' ? 'written in' : 'removed from'} ${integration.provider.name}`,
            });
          }
          await logAction(db, {
            actionType: 'export', status: 'success', providerId: integration.providerId, integrationId: integration.id,
            description: `Calendar event ${outcome === 'upserted' ? 'written' : 'removed'} for ${ref.kind} ${ref.id}.`,
            details: { changeId: change.id, kind: change.kind },
          });
        }
      } catch (err) {
        failure ??= err;
        await logAction(db, {
          actionType: 'export', status: 'error', providerId: integration.providerId, integrationId: integration.id,
          description: `Calendar event for ${ref.kind} ${ref.id} failed: ${errorSummary(err)}`, details: { changeId: change.id },
        });
      }
    }
    if (failure) throw failure;
  },
};
