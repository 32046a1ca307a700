import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { logAction } from '@/db/queries/integration-logs';
import { alertChannelPreferences, integrationProviders, projectIntegrations, projectMembers, projects, users } from '@/db/schema';
import { configuredAppUrl } from '@/lib/app-url';
import { errorSummary } from '@/lib/errors';
import { type AlertCause, causeText } from './causes';
import { emailSender } from './email-sender';
import { inAppSender } from './in-app-sender';
import { type AlertNotice, type AlertRecipient, type AlertSender, alertSenders } from './senders';

/** The channels in force now: in-app always, email when SMTP_URL is set, then whatever was appended (Slack). */
export function activeSenders(env: Record<string, string | undefined> = process.env): AlertSender[] {
  const email = emailSender(env);
  return [inAppSender, ...(email ? [email] : []), ...alertSenders.filter((s) => s.name !== 'in_app' && s.name !== 'email')];
}

/** Owners of a project with the channels each switched off (no row = on). */
export async function ownersWithChoices(db: DbOrTx, projectId: string) {
  const owners = await db
    .select({ userId: users.id, email: users.email, name: users.name })
    .from(projectMembers)
    .innerJoin(users, eq(users.id, projectMembers.userId))
    .where(and(eq(projectMembers.projectId, projectId), eq(projectMembers.role, 'owner')));
  const prefs = owners.length
    ? await db
        .select()
        .from(alertChannelPreferences)
        .where(and(eq(alertChannelPreferences.projectId, projectId), inArray(alertChannelPreferences.userId, owners.map((o) => o.userId))))
    : [];
  const off = new Set(prefs.filter((p) => !p.enabled).map((p) => `${p.userId}:${p.channel}`));
  return owners.map((o) => ({ ...o, wants: (channel: string) => !off.has(`${o.userId}:${channel}`) }));
}

/**
 * Sends one alert notice (fired or resolved) on every active channel to the owners who left
 * that channel on. A failing channel is written to the integration's log; the others still go.
 */
export async function deliverAlert(
  db: DbOrTx,
  alert: { id: string; integrationId: string; cause: AlertCause; message: string },
  state: AlertNotice['state'],
  given?: AlertSender[],
): Promise<void> {
  // Providers register their senders when the registry loads (Slack): load it before listing them.
  let senders: AlertSender[];
  if (given) senders = given;
  else {
    await import('@/lib/integrations/registry');
    senders = activeSenders();
  }
  const [row] = await db
    .select({
      projectId: projectIntegrations.projectId,
      projectName: projects.name,
      providerId: projectIntegrations.providerId,
      providerName: integrationProviders.name,
      externalId: projectIntegrations.externalId,
    })
    .from(projectIntegrations)
    .innerJoin(projects, eq(projects.id, projectIntegrations.projectId))
    .innerJoin(integrationProviders, eq(integrationProviders.id, projectIntegrations.providerId))
    .where(eq(projectIntegrations.id, alert.integrationId));
  if (!row) return;
  const owners = await ownersWithChoices(db, row.projectId);
  const text = causeText[alert.cause];
  const path = `/integrations/project/${row.projectId}/${alert.integrationId}/health/`;
  const base: Omit<AlertNotice, 'recipients'> = {
    alertId: alert.id,
    state,
    cause: alert.cause,
    projectId: row.projectId,
    projectName: row.projectName,
    integrationId: alert.integrationId,
    integrationName: `${row.providerName}${row.externalId ? ` ${row.externalId}` : ''}`,
    title: state === 'fired' ? text.fired : text.resolved,
    message: state === 'fired' ? alert.message : `${text.resolved}. (Was: ${alert.message})`,
    url: `${configuredAppUrl() ?? ''}${path}`,
  };
  for (const sender of senders) {
    const recipients: AlertRecipient[] = owners.filter((o) => o.wants(sender.name)).map(({ userId, email, name }) => ({ userId, email, name }));
    if (recipients.length === 0) continue;
    try {
      await sender.send({ ...base, recipients });
    } catch (err) {
      await logAction(db, {
        actionType: 'error',
        status: 'warning',
        providerId: row.providerId,
        integrationId: alert.integrationId,
        description: `Alert "${text.label}" could not be sent by ${sender.name}: ${errorSummary(err)}`,
        details: { alertId: alert.id, channel: sender.name },
      }).catch(() => {});
    }
  }
}
