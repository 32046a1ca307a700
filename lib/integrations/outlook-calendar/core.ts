import { calendarIdSchema, calendarSettingsSchema, type CalendarSettings } from '../calendar-schema';
import type { ProviderCore } from '../types';

/** The provider without its client: its capabilities load on first use. */
export const outlookCalendar: ProviderCore<CalendarSettings> = {
  id: 'outlook-calendar',
  defaults: {
    name: 'Outlook Calendar',
    description: 'Due dates and milestones as Outlook calendar events.',
    apiBaseUrl: 'https://graph.microsoft.com/v1.0',
    apiBaseUrlEnv: 'MICROSOFT_GRAPH_API_URL',
    authUrl: 'https://login.microsoftonline.com/common/oauth2/v2.0/authorize',
    tokenUrl: 'https://login.microsoftonline.com/common/oauth2/v2.0/token',
    scopes: ['Calendars.ReadWrite', 'offline_access'],
    webhookEvents: ['created', 'updated', 'deleted'],
    features: [
      'Milestones and tasks with a due date become events (all-day, or timed in the project\'s time zone), kept in step',
      'Moving an event moves the deadline, or proposes the move to the owner; a deleted event is recreated or unlinked',
      'Push through a Graph subscription, renewed before it lapses, plus an hourly reconcile',
    ],
  },
  externalId: {
    label: 'Calendar id',
    placeholder: 'new, primary, or AAMkAGI2…',
    help: '"new" creates a dedicated "Taskbridge — <project>" calendar; "primary" uses the default calendar; or a Graph calendar id.',
    schema: calendarIdSchema,
  },
  settingsSchema: calendarSettingsSchema,
  webhookHelp: 'Nothing to set up in Outlook: once connected, Taskbridge asks Microsoft itself to notify it of changes at the URL below, signed with the secret below (and renews that before it lapses).',
  load: {
    webhook: () => import('./verify-webhook').then((m) => m.outlookCalendarWebhook),
    oauth: () => import('./oauth').then((m) => m.outlookCalendarOAuth),
    calendar: () => import('./calendar').then((m) => m.outlookCalendarEvents),
    subscription: () => import('./subscription').then((m) => m.outlookCalendarSubscription),
    connection: () => Promise.all([import('@/lib/calendar/calendar-connection'), import('./calendar')])
      .then(([c, e]) => c.calendarConnection('Outlook', e.outlookCalendarEvents)),
    inbound: () => import('@/lib/calendar/inbound').then((m) => m.calendarInbound),
  },
};
