import { calendarIdSchema, calendarSettingsSchema, type CalendarSettings } from '../calendar-schema';
import type { ProviderDefinition } from '../types';
import { googleCalendarWebhook } from './verify-webhook';

export const googleCalendar: ProviderDefinition<CalendarSettings> = {
  id: 'google-calendar',
  defaults: {
    name: 'Google Calendar',
    description: 'Milestones and due dates as calendar events.',
    apiBaseUrl: 'https://www.googleapis.com/calendar/v3',
    apiBaseUrlEnv: 'GOOGLE_CALENDAR_API_URL',
    authUrl: 'https://accounts.google.com/o/oauth2/v2/auth',
    tokenUrl: 'https://oauth2.googleapis.com/token',
    revokeUrl: 'https://oauth2.googleapis.com/revoke',
    scopes: ['https://www.googleapis.com/auth/calendar.events'],
    webhookEvents: ['sync', 'exists', 'not_exists'],
  },
  externalId: {
    label: 'Calendar id',
    placeholder: 'primary or team@group.calendar.google.com',
    help: 'Calendar settings → Integrate calendar → Calendar ID.',
    schema: calendarIdSchema,
  },
  settingsSchema: calendarSettingsSchema,
  webhookHelp: 'Taskbridge registers the push channel itself (events.watch) with the URL and token below.',
  webhook: googleCalendarWebhook,
};
