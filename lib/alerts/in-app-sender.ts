import { getDb } from '@/db/client';
import { notifications } from '@/db/schema';
import type { AlertSender } from './senders';

/** The header bell: one unread notification per owner who keeps in-app alerts on. */
export const inAppSender: AlertSender = {
  name: 'in_app',
  label: 'In the app (bell)',
  async send(alert) {
    const href = alert.url.replace(/^https?:\/\/[^/]+/, '');
    await getDb()
      .insert(notifications)
      .values(
        alert.recipients.map((r) => ({
          userId: r.userId,
          projectId: alert.projectId,
          alertId: alert.alertId,
          title: `${alert.state === 'resolved' ? 'Resolved' : 'Alert'}: ${alert.title}`,
          body: `${alert.integrationName} · ${alert.message}`,
          href,
        })),
      );
  },
};
