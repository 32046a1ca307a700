import { SubscriptionRefusedError } from '../kit/errors';
import { deriveUrlToken } from '../kit/hmac';
import type { IntegrationConnection, SubscriptionCapability, SubscriptionState } from '../types';
import { createJiraClient, jiraCloudId, jiraCall, jiraErrorResponse, projectKey } from './client';
import { readJiraSettings } from './schema';

export const JIRA_WEBHOOK_EVENTS = ['jira:issue_created', 'jira:issue_updated', 'jira:issue_deleted', 'comment_created', 'comment_updated'];
const THIRTY_DAYS_MS = 30 * 86_400_000;

const expiry = (value: unknown) => new Date(typeof value === 'number' || typeof value === 'string' ? Number(value) || Date.parse(String(value)) : Date.now() + THIRTY_DAYS_MS);

/**
 * Dynamic webhooks (OAuth apps only): `POST /rest/api/3/webhook` with a JQL filter on the
 * project. They expire after 30 days; the engine's renewal job calls `renew` (PUT
 * /webhook/refresh) within `renewMarginMs`. With an API token Jira refuses them: the owner adds
 * an admin webhook with the URL and secret from the configure page instead.
 */
async function subscribe(connection: IntegrationConnection, input: { url: string; secret: string }): Promise<SubscriptionState> {
  if (!jiraCloudId(connection)) {
    throw new SubscriptionRefusedError('With an API token Jira cannot register webhooks for us: add an admin webhook in Jira (Settings → System → WebHooks) with the URL and secret shown here.');
  }
  const client = await createJiraClient(connection);
  try {
    const answer = await client.webhooks.registerDynamicWebhooks({
      // Deliveries carry a JWT; the token in the URL is what our verifier checks (verify-webhook.ts).
      url: `${input.url}?token=${encodeURIComponent(await deriveUrlToken(input.secret, 'jira'))}`,
      webhooks: [{ events: JIRA_WEBHOOK_EVENTS as never, jqlFilter: `project = "${projectKey(connection)}"` }],
    });
    const created = answer.webhookRegistrationResult?.[0];
    if (!created?.createdWebhookId) throw new SubscriptionRefusedError(`Jira did not register the webhook: ${(created?.errors ?? []).join('; ') || 'no reason given'}.`);
    return { id: String(created.createdWebhookId), resourceId: null, expiresAt: new Date(Date.now() + THIRTY_DAYS_MS) };
  } catch (err) {
    if (err instanceof SubscriptionRefusedError) throw err;
    const status = jiraErrorResponse(err)?.status;
    if (status === 403 || status === 401) throw new SubscriptionRefusedError('Jira refused to register the webhook (the grant lacks manage:jira-webhook): add an admin webhook by hand.');
    throw new SubscriptionRefusedError('Jira could not be reached to register the webhook.');
  }
}

async function renew(connection: IntegrationConnection, current: SubscriptionState): Promise<SubscriptionState> {
  const client = await createJiraClient(connection);
  const answer = await jiraCall(() => client.webhooks.refreshWebhooks({ webhookIds: [Number(current.id)] }));
  return { ...current, expiresAt: expiry(answer.expirationDate) };
}

async function unsubscribe(connection: IntegrationConnection, current: SubscriptionState): Promise<void> {
  const client = await createJiraClient(connection);
  try {
    await client.webhooks.deleteWebhookById({ webhookIds: [Number(current.id)] });
  } catch (err) {
    const status = jiraErrorResponse(err)?.status;
    if (status !== 401 && status !== 403 && status !== 404) throw err;
  }
}

export const jiraSubscription: SubscriptionCapability = { renewMarginMs: 5 * 86_400_000, subscribe, renew, unsubscribe };
