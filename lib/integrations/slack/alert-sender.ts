import { getDb } from '@/db/client';
import { listProjectIntegrations } from '@/db/queries/integrations';
import type { AlertSender } from '@/lib/alerts/senders';
import { loadConnection } from '@/lib/integrations/connection';
import { clientFor } from './client';
import { escapeMrkdwn } from './task-message';

/**
 * Alerts to Slack: each connected Slack integration of the project posts the alert (or its
 * "resolved" notice) in its channel. Owners switch the channel off in their alert
 * preferences like any other. A Slack integration whose own token is the problem is skipped:
 * it cannot post, and the other channels carry that alert.
 */
export const slackAlertSender: AlertSender = {
  name: 'slack',
  label: 'Slack',
  async send(alert) {
    const db = getDb();
    const targets = (await listProjectIntegrations(db, alert.projectId)).filter(
      (i) => i.provider.providerType === 'slack' && i.isActive && i.externalId && i.accessToken
        && i.connectionStatus !== 'reconnect_needed' && i.id !== alert.integrationId,
    );
    const icon = alert.state === 'resolved' ? '✅ Resolved' : '🔔';
    const text = `${icon} ${alert.title} — ${alert.integrationName} (${alert.projectName}): ${alert.message}`;
    const failures: string[] = [];
    for (const integration of targets) {
      try {
        const client = await clientFor(await loadConnection(integration));
        await client.chat.postMessage({
          channel: integration.externalId!,
          text,
          blocks: [{ type: 'section', text: { type: 'mrkdwn', text: `${icon} *${escapeMrkdwn(alert.title)}* — ${escapeMrkdwn(alert.integrationName)}\n${escapeMrkdwn(alert.message)}\n<${alert.url}|Open the health page>` } }],
        });
      } catch (err) {
        failures.push(err instanceof Error ? err.message : 'unknown error');
      }
    }
    if (failures.length) throw new Error(`Slack alert not posted: ${failures.join('; ')}`);
  },
};
