import { and, eq, gte, isNull, lt, lte, or, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import type { IntegrationWithProvider } from '@/db/queries/integrations';
import { calendarEventLinks, calendarSyncStates } from '@/db/schema';
import { loadConnection } from '@/lib/integrations/connection';
import { providerWith } from '@/lib/integrations/registry';
import { type ChangeOutcome, applyCalendarChange, eventDeleted } from './apply-calendar-change';
import { readCalendarSettings } from './deadline-items';

export type PullSummary = { pulled: boolean; pages: number; changes: number; outcomes: Partial<Record<ChangeOutcome, number>>; resynced: boolean };

const LEASE_MS = 5 * 60_000;
const MAX_PAGES = 200;

/** Takes the integration's pull lease; when another pull holds it, asks that one to go again and returns false. */
async function takeLease(db: Db, integrationId: string): Promise<boolean> {
  await db.insert(calendarSyncStates).values({ integrationId }).onConflictDoNothing();
  const until = new Date(Date.now() + LEASE_MS);
  const taken = await db
    .update(calendarSyncStates)
    .set({ leaseUntil: until, pullAgain: false })
    .where(and(eq(calendarSyncStates.integrationId, integrationId), or(isNull(calendarSyncStates.leaseUntil), lt(calendarSyncStates.leaseUntil, new Date()))))
    .returning({ id: calendarSyncStates.integrationId });
  if (taken.length) return true;
  await db.update(calendarSyncStates).set({ pullAgain: true }).where(eq(calendarSyncStates.integrationId, integrationId));
  return false;
}

/** Releases the lease unless a push asked for another pass meanwhile (then keeps it and says so). */
async function releaseLease(db: Db, integrationId: string): Promise<boolean> {
  const released = await db
    .update(calendarSyncStates)
    .set({ leaseUntil: null })
    .where(and(eq(calendarSyncStates.integrationId, integrationId), eq(calendarSyncStates.pullAgain, false)))
    .returning({ id: calendarSyncStates.integrationId });
  if (released.length) return false;
  await db.update(calendarSyncStates).set({ pullAgain: false, leaseUntil: new Date(Date.now() + LEASE_MS) }).where(eq(calendarSyncStates.integrationId, integrationId));
  return true;
}

/**
 * Incremental pull of a calendar integration: pages from the stored cursor (Google syncToken,
 * Graph deltaLink) until done, saving the cursor after each page. When the provider had to
 * read everything (no cursor yet, or it expired), linked events that read did not return were
 * deleted in the calendar and get the "deleted" treatment. Nothing changed → one request.
 */
export async function pullCalendar(db: Db, integration: IntegrationWithProvider, opts: { fromScratch?: boolean } = {}): Promise<PullSummary> {
  const summary: PullSummary = { pulled: false, pages: 0, changes: 0, outcomes: {}, resynced: false };
  const provider = await providerWith(integration.provider.providerType, 'calendar');
  if (!provider || !integration.externalId) return summary;
  if (!(await takeLease(db, integration.id))) return summary;
  summary.pulled = true;
  try {
    const connection = await loadConnection(integration);
    const settings = readCalendarSettings(integration.settings);
    do {
      const [state] = await db.select().from(calendarSyncStates).where(eq(calendarSyncStates.integrationId, integration.id));
      let cursor = opts.fromScratch ? null : (state?.cursor ?? null);
      let resyncStartedAt = opts.fromScratch ? null : (state?.resyncStartedAt ?? null);
      opts = {};
      for (let page = 0; page < MAX_PAGES; page++) {
        const result = await provider.calendar.pullChanges(connection, cursor);
        summary.pages++;
        if (result.full && !resyncStartedAt) resyncStartedAt = new Date();
        for (const change of result.changes) {
          const outcome = await applyCalendarChange(db, integration, settings, change, connection);
          summary.changes++;
          summary.outcomes[outcome] = (summary.outcomes[outcome] ?? 0) + 1;
        }
        cursor = result.cursor;
        if (!result.done) {
          await db.update(calendarSyncStates).set({ cursor, resyncStartedAt, updatedAt: new Date() }).where(eq(calendarSyncStates.integrationId, integration.id));
          continue;
        }
        if (resyncStartedAt) {
          summary.resynced = true;
          // Ours, not returned by the full read (within its window): deleted in the calendar.
          const missing = await db
            .select()
            .from(calendarEventLinks)
            .where(
              and(
                eq(calendarEventLinks.integrationId, integration.id),
                isNull(calendarEventLinks.unlinkedAt),
                or(isNull(calendarEventLinks.lastSeenAt), lt(calendarEventLinks.lastSeenAt, resyncStartedAt)),
                ...(result.window ? [gte(calendarEventLinks.eventDate, result.window.from), lte(calendarEventLinks.eventDate, result.window.to)] : []),
              ),
            );
          for (const link of missing) {
            const outcome = await eventDeleted(db, integration, settings, link, connection);
            summary.outcomes[outcome] = (summary.outcomes[outcome] ?? 0) + 1;
          }
        }
        await db
          .update(calendarSyncStates)
          .set({ cursor, resyncStartedAt: null, lastPulledAt: new Date(), updatedAt: new Date() })
          .where(eq(calendarSyncStates.integrationId, integration.id));
        break;
      }
    } while (await releaseLease(db, integration.id));
  } catch (err) {
    await db.update(calendarSyncStates).set({ leaseUntil: null, updatedAt: sql`now()` }).where(eq(calendarSyncStates.integrationId, integration.id));
    throw err;
  }
  return summary;
}
