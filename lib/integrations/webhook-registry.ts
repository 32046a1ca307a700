import { githubWebhook } from './github/verify-webhook';
import { googleCalendarWebhook } from './google-calendar/verify-webhook';
import { jiraWebhook } from './jira/verify-webhook';
import { outlookCalendarWebhook } from './outlook-calendar/verify-webhook';
import type { ProviderType } from './provider-types';
import { slackWebhook } from './slack/verify-webhook';
import type { WebhookCapability } from './types';

/**
 * The edge-safe slice of the registry: each provider's webhook verifier, and nothing else.
 * The webhook routes run on the edge runtime and must not pull in provider clients, sync
 * or processors (Node APIs); each provider's ProviderDefinition.webhook is the same value.
 */
export const webhookCapabilities: { [K in ProviderType]: WebhookCapability } = {
  github: githubWebhook,
  slack: slackWebhook,
  jira: jiraWebhook,
  'google-calendar': googleCalendarWebhook,
  'outlook-calendar': outlookCalendarWebhook,
};
