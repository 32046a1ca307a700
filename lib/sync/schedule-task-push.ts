import { after } from 'next/server';
import { getDb } from '@/db/client';
import { pushTaskChanges } from './push-task-changes';

const syncedFields = ['title', 'description', 'status', 'labels', 'assigneeIds'] as const;

/**
 * After a task edit is saved: send it to the linked integrations once the response is out
 * (after()), or right away outside a request. Edits that touch no synced field do nothing.
 */
export function scheduleTaskPush(taskId: string, changed: Record<string, unknown>): void {
  if (!syncedFields.some((f) => f in changed)) return;
  const run = () =>
    pushTaskChanges(getDb(), taskId).catch((err) =>
      console.error('[sync] task push failed:', err instanceof Error ? err.message : 'unknown error'),
    );
  try {
    after(run);
  } catch {
    void run();
  }
}
