import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { getIntegrationById } from '@/db/queries/integrations';
import { calendarEventLinks, calendarProposals, type CalendarProposal, milestones, tasks } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { applyDueDate } from './apply-due-date';
import { itemKey, parseItemKey } from './event-ids';
import { pushDeadline } from './push-deadline';

export type ListedProposal = CalendarProposal & { itemTitle: string | null; providerName: string };

/** Open proposals of a project (the project's list), or of one item (the task page). */
export async function listOpenProposals(db: Db, projectId: string, item?: { kind: 'task' | 'milestone'; id: string }): Promise<ListedProposal[]> {
  const rows = await db
    .select()
    .from(calendarProposals)
    .where(and(eq(calendarProposals.projectId, projectId), eq(calendarProposals.status, 'open'), ...(item ? [eq(calendarProposals.itemKey, itemKey(item))] : [])))
    .orderBy(desc(calendarProposals.createdAt))
    .limit(200);
  const refs = rows.map((r) => parseItemKey(r.itemKey)).filter((r) => r !== null);
  const taskIds = refs.filter((r) => r.kind === 'task').map((r) => r.id);
  const milestoneIds = refs.filter((r) => r.kind === 'milestone').map((r) => r.id);
  const titles = new Map<string, string>();
  if (taskIds.length) for (const t of await db.select({ id: tasks.id, title: tasks.title }).from(tasks).where(inArray(tasks.id, taskIds))) titles.set(`task:${t.id}`, t.title);
  if (milestoneIds.length) for (const m of await db.select({ id: milestones.id, title: milestones.title }).from(milestones).where(inArray(milestones.id, milestoneIds))) titles.set(`milestone:${m.id}`, m.title);
  const names = new Map<string, string>();
  for (const r of rows) if (!names.has(r.integrationId)) names.set(r.integrationId, (await getIntegrationById(db, r.integrationId))?.provider.name ?? 'Calendar');
  return rows.map((r) => ({ ...r, itemTitle: titles.get(r.itemKey) ?? null, providerName: names.get(r.integrationId)! }));
}

async function openProposal(db: Db, projectId: string, proposalId: string): Promise<CalendarProposal> {
  const [p] = await db.select().from(calendarProposals).where(and(eq(calendarProposals.id, proposalId), eq(calendarProposals.projectId, projectId)));
  if (!p) throw new AppError('not_found', 'Proposal not found.');
  if (p.status !== 'open') throw new AppError('conflict', `This proposal was already ${p.status}.`);
  return p;
}

async function decide(db: Db, p: CalendarProposal, status: 'accepted' | 'rejected', userId: string | null): Promise<boolean> {
  const done = await db
    .update(calendarProposals)
    .set({ status, decidedBy: userId, decidedAt: new Date() })
    .where(and(eq(calendarProposals.id, p.id), eq(calendarProposals.status, 'open')))
    .returning({ id: calendarProposals.id });
  return done.length > 0;
}

/**
 * Accepting applies the new due date through the normal edit path (every other linked
 * provider gets it through the change fan-out); the event already shows it.
 */
export async function acceptProposal(db: Db, projectId: string, proposalId: string, userId: string | null): Promise<CalendarProposal> {
  const p = await openProposal(db, projectId, proposalId);
  const ref = parseItemKey(p.itemKey);
  if (!ref) throw new AppError('not_found', 'Proposal not found.');
  if (!(await decide(db, p, 'accepted', userId))) throw new AppError('conflict', 'This proposal was already decided.');
  await applyDueDate(db, projectId, ref, p.toDate, { actorUserId: userId, originIntegrationId: p.integrationId });
  await db
    .update(calendarEventLinks)
    .set({ eventDate: p.toDate, updatedAt: new Date() })
    .where(and(eq(calendarEventLinks.integrationId, p.integrationId), eq(calendarEventLinks.itemKey, p.itemKey)));
  return { ...p, status: 'accepted' };
}

/** Rejecting puts the event back on the item's due date. */
export async function rejectProposal(db: Db, projectId: string, proposalId: string, userId: string | null): Promise<CalendarProposal> {
  const p = await openProposal(db, projectId, proposalId);
  if (!(await decide(db, p, 'rejected', userId))) throw new AppError('conflict', 'This proposal was already decided.');
  const ref = parseItemKey(p.itemKey);
  const integration = await getIntegrationById(db, p.integrationId);
  if (ref && integration) await pushDeadline(db, integration, ref);
  return { ...p, status: 'rejected' };
}
