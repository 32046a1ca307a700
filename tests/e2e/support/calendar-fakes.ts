import { startFakeGoogleCalendar } from '../../fakes/google-calendar/server';
import { startFakeGraph } from '../../fakes/graph/server';

/** Tokens the e2e specs paste into the calendar integrations' configure forms. */
export const E2E_GOOGLE_TOKEN = 'google-e2e-token';
export const E2E_GRAPH_TOKEN = 'graph-e2e-token';

/**
 * The Google Calendar and Microsoft Graph fakes for the e2e server, in its process. Returns the
 * app's base-URL env vars (read by initProviders) and a stop function. Pushes and
 * notifications are POSTed to the app's webhook URLs as the real services would.
 */
export async function startCalendarFakes() {
  const google = await startFakeGoogleCalendar();
  google.addToken(E2E_GOOGLE_TOKEN);
  const graph = await startFakeGraph();
  graph.addToken(E2E_GRAPH_TOKEN);
  console.log(`[e2e] Google Calendar fake ${google.apiBaseUrl}, Graph fake ${graph.apiBaseUrl}`);
  return {
    env: { GOOGLE_CALENDAR_API_URL: google.apiBaseUrl, MICROSOFT_GRAPH_API_URL: graph.apiBaseUrl },
    stop: async () => {
      await google.stop();
      await graph.stop();
    },
  };
}
