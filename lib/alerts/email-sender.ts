import nodemailer, { type Transporter } from 'nodemailer';
import type { AlertNotice, AlertSender } from './senders';

type Env = Record<string, string | undefined>;

let cached: { url: string; transport: Transporter } | undefined;

/** One pooled transport per SMTP_URL (smtp://user:pass@host:587, smtps://… for implicit TLS). */
function transportFor(url: string): Transporter {
  if (cached?.url !== url) {
    cached = { url, transport: nodemailer.createTransport(url, { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 }) };
  }
  return cached.transport;
}

export function emailSubject(alert: AlertNotice): string {
  return `[Taskbridge] ${alert.state === 'resolved' ? 'Resolved' : 'Alert'}: ${alert.title} - ${alert.integrationName}`;
}

export function emailText(alert: AlertNotice): string {
  return [
    `${alert.state === 'resolved' ? 'Resolved' : 'Alert'} for ${alert.integrationName} in ${alert.projectName}:`,
    '',
    alert.message,
    '',
    `Health: ${alert.url}`,
    '',
    'You get this as an owner of the project; choose your alert channels on the notifications page.',
  ].join('\n');
}

/** Email, when SMTP_URL is set (SMTP_FROM is the sender address). Null otherwise: no email channel. */
export function emailSender(env: Env = process.env): AlertSender | null {
  const url = env.SMTP_URL?.trim();
  if (!url) return null;
  const from = env.SMTP_FROM?.trim() || 'Taskbridge <alerts@taskbridge.invalid>';
  return {
    name: 'email',
    label: 'Email',
    async send(alert) {
      // One message per owner: co-owners' addresses are not shared with each other.
      for (const r of alert.recipients) {
        await transportFor(url).sendMail({
          from,
          to: r.name ? { name: r.name, address: r.email } : r.email,
          subject: emailSubject(alert),
          text: emailText(alert),
        });
      }
    },
  };
}
