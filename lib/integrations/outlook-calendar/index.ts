import { calendarIdSchema, calendarSettingsSchema, type CalendarSettings } from '../calendar-schema';
import type { ProviderDefinition } from '../types';
import { outlookCalendarWebhook } from './verify-webhook';

export const outlookCalendar: ProviderDefinition<CalendarSettings> = {
  id: 'outlook-calendar',
  defaults: {
    name: 'Outlook Calendar',
    description: 'Milestones and due dates in Outlook through Microsoft Graph.',
    apiBaseUrl: 'https://graph.microsoft.com/v1.0',
    apiBaseUrlEnv: 'MICROSOFT_GRAPH_API_URL',
    authUrl: 'https://login.microsoftonline.com/common/oauth2/v2.0/authorize',
    tokenUrl: 'https://login.microsoftonline.com/common/oauth2/v2.0/token',
    scopes: ['Calendars.ReadWrite', 'offline_access'],
    webhookEvents: ['created', 'updated', 'deleted'],
  },
  externalId: {
    label: 'Calendar id',
    placeholder: 'AAMkAGI2… (or "primary")',
    help: 'The Graph calendar id; "primary" uses the default calendar.',
    schema: calendarIdSchema,
  },
  settingsSchema: calendarSettingsSchema,
  webhookHelp: 'Taskbridge creates the Graph subscription itself with the URL below; the secret is its clientState.',
  webhook: outlookCalendarWebhook,
};
