import type { AlertCause } from './causes';

/** One owner who should hear about an alert on a given channel. */
export type AlertRecipient = { userId: string; email: string; name: string | null };

/** An alert notice as senders receive it: fired, or resolved when its cause cleared. */
export type AlertNotice = {
  alertId: string;
  state: 'fired' | 'resolved';
  cause: AlertCause;
  projectId: string;
  projectName: string;
  integrationId: string;
  /** "GitHub acme/web" */
  integrationName: string;
  title: string;
  message: string;
  /** The integration's health page: absolute with APP_URL, else a path. */
  url: string;
  /** Owners of the project who left this sender's channel on (never empty when send is called). */
  recipients: AlertRecipient[];
};

/**
 * A channel alerts go out on. `name` is the channel owners switch on or off in their
 * preferences ('in_app', 'email', 'slack', …). A sender that fails is logged and skipped;
 * the others still run.
 */
export type AlertSender = { name: string; label?: string; send(alert: AlertNotice): Promise<void> };

/**
 * The channels alerts go out on. The built-in ones (in-app, email) are added by
 * lib/alerts/deliver.ts; the Slack integration appends its own:
 * `alertSenders.push({ name: 'slack', label: 'Slack', send: async (n) => … })`.
 */
export const alertSenders: AlertSender[] = [];

/** Adds a sender once (by name): safe to call from a module that may load twice. */
export function registerAlertSender(sender: AlertSender): void {
  const i = alertSenders.findIndex((s) => s.name === sender.name);
  if (i >= 0) alertSenders[i] = sender;
  else alertSenders.push(sender);
}
