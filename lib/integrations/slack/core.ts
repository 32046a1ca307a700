import { registerAlertSender } from '@/lib/alerts/senders';
import type { ProviderCore } from '../types';
import { slackChannelSchema, slackSettingsSchema, type SlackSettings } from './schema';

// Alerts also go to the project's Slack channels (owners choose per channel). Registered with
// the core, so every process that knows providers lists the channel; the Slack client loads on the first send.
registerAlertSender({
  name: 'slack',
  label: 'Slack',
  send: async (alert) => (await import('./alert-sender')).slackAlertSender.send(alert),
});

/** Slack without @slack/web-api: its capabilities (and the channel lookups) load on first use. */
export const slack: ProviderCore<SlackSettings> = {
  id: 'slack',
  defaults: {
    name: 'Slack',
    description: 'Task changes posted to a channel with buttons; /task creates and closes tasks.',
    apiBaseUrl: 'https://slack.com/api',
    apiBaseUrlEnv: 'SLACK_API_URL',
    authUrl: 'https://slack.com/oauth/v2/authorize',
    tokenUrl: 'https://slack.com/api/oauth.v2.access',
    revokeUrl: 'https://slack.com/api/auth.revoke',
    scopes: ['chat:write', 'commands', 'channels:read', 'groups:read', 'users:read', 'users:read.email'],
    webhookEvents: ['url_verification', 'event_callback', 'slash_command', 'block_actions', 'view_submission', 'message_action'],
    features: [
      'Posts task changes to a channel as a message with Mark done / Assign to me / Open buttons, and updates it',
      '/task create, list, done and help; the buttons act with the member\'s own permissions',
      '"Create task from message" shortcut; uninstalls and revoked tokens show as reconnect needed',
    ],
  },
  externalId: {
    label: 'Channel',
    placeholder: '#general or C0123456789',
    help: 'Type #channel-name (looked up once the bot token is saved, in the same save is fine), pick one below, or paste the id from Slack → channel details. Private channels need the bot invited first: /invite @Taskbridge.',
    schema: slackChannelSchema,
    listOptions: async (connection) => (await import('./channels')).listSlackChannels(connection),
    resolve: async (connection, input) => (await import('./channels')).resolveSlackChannel(connection, input),
  },
  settingsSchema: slackSettingsSchema,
  webhookHelp:
    'Slack app → Event Subscriptions, Slash Commands (/task) and Interactivity & Shortcuts: paste the URL below in each. Then copy the app\'s Signing Secret (Basic Information → App Credentials) into "Use a secret issued by Slack" below.',
  load: {
    connection: () => import('./test-connection').then((m) => ({ test: m.testSlackConnection })),
    webhook: () => import('./verify-webhook').then((m) => m.slackWebhook),
    oauth: () => import('./oauth').then((m) => m.slackOAuth),
    inbound: () => import('./inbound').then((m) => m.slackInbound),
    notify: () => import('./notify').then((m) => m.slackNotify),
  },
};
