import { registerAlertSender } from '@/lib/alerts/senders';
import type { ProviderDefinition } from '../types';
import { slackAlertSender } from './alert-sender';
import { slackOAuth } from './oauth';
import { listSlackChannels, resolveSlackChannel } from './channels';
import { slackInbound } from './inbound';
import { slackNotify } from './notify';
import { slackChannelSchema, slackSettingsSchema, type SlackSettings } from './schema';
import { testSlackConnection } from './test-connection';
import { slackWebhook } from './verify-webhook';

// Alerts also go to the project's Slack channels (owners choose per channel).
registerAlertSender(slackAlertSender);

export const slack: ProviderDefinition<SlackSettings> = {
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
    listOptions: listSlackChannels,
    resolve: resolveSlackChannel,
  },
  settingsSchema: slackSettingsSchema,
  webhookHelp:
    'Slack app → Event Subscriptions, Slash Commands (/task) and Interactivity & Shortcuts: paste the URL below in each. Then copy the app\'s Signing Secret (Basic Information → App Credentials) into "Use a secret issued by Slack" below.',
  connection: { test: testSlackConnection },
  webhook: slackWebhook,
  oauth: slackOAuth,
  inbound: slackInbound,
  notify: slackNotify,
};
