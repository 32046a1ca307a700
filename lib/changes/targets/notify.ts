import type { Db } from '@/db/client';
import { listProjectIntegrations } from '@/db/queries/integrations';
import { tasks } from '@/db/schema';
import { loadConnection } from '@/lib/integrations/connection';
import { toNotificationTask } from '@/lib/tasks/notification-task';
import type { LocalChange } from '@/lib/integrations/contract/changes';
import type { NotificationTask } from '@/lib/integrations/types';
import { describeError } from '@/lib/errors';
import { and, eq } from 'drizzle-orm';
import { recordFanOutEvent } from '@/db/queries/task-timeline';
import type { ChangeTarget } from './types';

/** The task read after the change committed (deleted tasks too, for "deleted"). */
async function notificationTask(db: Db, change: LocalChange): Promise<NotificationTask | null> {
  if (!change.taskId) return null;
  const [task] = await db.select().from(tasks).where(and(eq(tasks.projectId, change.projectId), eq(tasks.id, change.taskId)));
  return task ? toNotificationTask(db, task) : null;
}

/**
 * The fan-out's `notify` target: every active integration of the change's project whose
 * provider has `notify` and accepts the change gets `send` (idempotent on change.id). One
 * integration failing does not keep the others from being notified; the first error is
 * rethrown afterwards so the fan-out retries (the ones that posted skip the retry).
 * Unlike sync, a notification goes to its origin too: a task made with `/task create` is
 * posted in the channel, and a button's change gets its thread reply (no echo loop: posting
 * changes no task).
 */
export const notifyTarget: ChangeTarget = {
  name: 'notify',
  async run(db, change) {
    // Loaded on use: the registry reaches the providers, whose task writes reach lib/changes,
    // whose target list imports this file — a static import would be a cycle.
    const { providersWith } = await import('@/lib/integrations/registry');
    const notifiers = new Map((await providersWith('notify')).map((p) => [p.id, p.notify]));
    if (notifiers.size === 0) return;
    const integrations = (await listProjectIntegrations(db, change.projectId)).filter(
      (i) => i.isActive && notifiers.has(i.provider.providerType),
    );
    let task: NotificationTask | null | undefined;
    let firstError: unknown;
    for (const integration of integrations) {
      const notify = notifiers.get(integration.provider.providerType)!;
      if (!notify.accepts(change, integration.settings)) continue;
      task ??= await notificationTask(db, change);
      try {
        const connection = await loadConnection(integration);
        const sent = await notify.send({ db, integration, connection }, change, task);
        if (sent.posted && task) {
          await recordFanOutEvent(db, {
            taskId: task.id, integrationId: integration.id, changeId: change.id, kind: 'notified',
            summary: `Notification sent to ${integration.provider.name}${integration.externalName ? ` (${integration.externalName})` : ''}`,
          });
        }
      } catch (err) {
        console.error(`[notify] ${integration.provider.providerType} ${integration.id}:`, describeError(err, 'send failed', '[notify]'));
        firstError ??= err;
      }
    }
    if (firstError) throw firstError;
  },
};
