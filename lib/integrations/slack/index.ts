import type { ProviderDefinition } from '../types';
import { slackChannelSchema, slackSettingsSchema, type SlackSettings } from './schema';
import { slackWebhook } from './verify-webhook';

export const slack: ProviderDefinition<SlackSettings> = {
  id: 'slack',
  defaults: {
    name: 'Slack',
    description: 'Task changes posted to a channel; /task creates tasks.',
    apiBaseUrl: 'https://slack.com/api',
    apiBaseUrlEnv: 'SLACK_API_URL',
    authUrl: 'https://slack.com/oauth/v2/authorize',
    tokenUrl: 'https://slack.com/api/oauth.v2.access',
    revokeUrl: 'https://slack.com/api/auth.revoke',
    scopes: ['chat:write', 'commands', 'channels:read'],
    webhookEvents: ['url_verification', 'event_callback', 'slash_command', 'block_actions'],
  },
  externalId: {
    label: 'Channel id',
    placeholder: 'C0123456789',
    help: 'Channel → View channel details → the id at the bottom.',
    schema: slackChannelSchema,
  },
  settingsSchema: slackSettingsSchema,
  webhookHelp:
    'Slack app → Event Subscriptions, Slash Commands (/task) and Interactivity: paste the URL below in each. The secret below is the app\'s Signing Secret: paste Slack\'s value over it with "Rotate" disabled — set it on this page.',
  webhook: slackWebhook,
};
