import type { LocalChange } from './changes';
import type { IntegrationConnection } from './connection';

/** The task as a notification shows it, read after the change committed. */
export type NotificationTask = {
  id: string;
  title: string;
  url: string;
  status: string;
  priority: string;
  assignees: Array<{ name: string | null; email: string }>;
  dueDate: string | null;
};

/** `notify` (Slack): which local changes it posts, and how. `send` must be idempotent on `change.id`. */
export type NotifyCapability = {
  accepts: (change: LocalChange, settings: Record<string, unknown>) => boolean;
  send: (
    ctx: {
      db: import('@/db/client').Db;
      integration: import('@/db/queries/integrations').IntegrationWithProvider;
      connection: IntegrationConnection;
    },
    change: LocalChange,
    task: NotificationTask | null,
  ) => Promise<{ posted: boolean; detail?: Record<string, unknown> }>;
};
