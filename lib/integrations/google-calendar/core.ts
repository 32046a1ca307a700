import { calendarIdSchema, calendarSettingsSchema, type CalendarSettings } from '../calendar-schema';
import type { ProviderCore } from '../types';

/** The provider without its client: its capabilities load on first use. */
export const googleCalendar: ProviderCore<CalendarSettings> = {
  id: 'google-calendar',
  defaults: {
    name: 'Google Calendar',
    description: 'Due dates and milestones as Google Calendar events.',
    apiBaseUrl: 'https://www.googleapis.com/calendar/v3',
    apiBaseUrlEnv: 'GOOGLE_CALENDAR_API_URL',
    authUrl: 'https://accounts.google.com/o/oauth2/v2/auth',
    tokenUrl: 'https://oauth2.googleapis.com/token',
    revokeUrl: 'https://oauth2.googleapis.com/revoke',
    scopes: ['https://www.googleapis.com/auth/calendar.events', 'https://www.googleapis.com/auth/calendar.calendarlist.readonly'],
    webhookEvents: ['sync', 'exists', 'not_exists'],
    features: [
      'Milestones and tasks with a due date become events (all-day, or timed in the project\'s time zone), kept in step',
      'Moving an event moves the deadline, or proposes the move to the owner; a deleted event is recreated or unlinked',
      'Push through a watch channel, renewed before it lapses, plus an hourly reconcile',
    ],
  },
  externalId: {
    label: 'Calendar id',
    placeholder: 'new, primary, or team@group.calendar.google.com',
    help: '"new" creates a dedicated "Taskbridge — <project>" calendar; or a calendar id (Calendar settings → Integrate calendar → Calendar ID).',
    schema: calendarIdSchema,
  },
  settingsSchema: calendarSettingsSchema,
  webhookHelp: 'Nothing to set up in Google Calendar: once connected, Taskbridge asks Google itself to notify it of changes at the URL below (and renews that before it lapses).',
  load: {
    webhook: () => import('./verify-webhook').then((m) => m.googleCalendarWebhook),
    oauth: () => import('./oauth').then((m) => m.googleCalendarOAuth),
    calendar: () => import('./calendar').then((m) => m.googleCalendarEvents),
    subscription: () => import('./subscription').then((m) => m.googleCalendarSubscription),
    connection: () => Promise.all([import('@/lib/calendar/calendar-connection'), import('./calendar')])
      .then(([c, e]) => c.calendarConnection('Google Calendar', e.googleCalendarEvents)),
    inbound: () => import('@/lib/calendar/inbound').then((m) => m.calendarInbound),
  },
};
