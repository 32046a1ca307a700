import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { integrationProviders, projectIntegrations } from '@/db/schema';
import { clearAlert, raiseAlert } from '@/lib/alerts/raise';
import { slackProject, startSlack } from './fixture';

let fake: Awaited<ReturnType<typeof startSlack>>;
beforeAll(async () => {
  fake = await startSlack();
  fake.state.seed();
});
afterAll(() => fake?.stop());

describe('alerts to Slack', () => {
  it("an alert about another integration of the project is posted in the project's Slack channel, and so is its resolution", async () => {
    const { project, integration: slack } = await slackProject(fake);
    const db = getDb();
    const [github] = await db.select({ id: integrationProviders.id }).from(integrationProviders).where(eq(integrationProviders.providerType, 'github'));
    const [other] = await db
      .insert(projectIntegrations)
      .values({ projectId: project.id, providerId: github!.id, externalId: 'acme/alerts', webhookSecret: 'v2.unused', connectionStatus: 'reconnect_needed' })
      .returning();
    const before = fake.state.messages.length;
    expect(await raiseAlert(db, other!.id, 'reconnect_needed', 'GitHub rejected the token.')).toBe(true);
    const posted = fake.state.messages.slice(before);
    expect(posted).toHaveLength(1);
    expect(posted[0]).toMatchObject({ channel: 'C0GENERAL1' });
    expect(posted[0]!.text).toMatch(/GitHub acme\/alerts/);
    expect(posted[0]!.text).toMatch(/GitHub rejected the token/);
    expect(await clearAlert(db, other!.id, 'reconnect_needed')).toBe(true);
    expect(fake.state.messages.slice(before + 1)[0]!.text).toMatch(/^✅ Resolved/);
    // The Slack integration's own problem is not posted through itself.
    const mine = fake.state.messages.length;
    await raiseAlert(db, slack.id, 'delivery_failed', 'A delivery failed for good.');
    expect(fake.state.messages.length).toBe(mine);
  });
});
