import type { ItemPlan } from './plan-item';

const CLOSED = new Set(['done', 'cancelled']);

/** A plan in the preview's words: create, close (an open task becomes done/cancelled), update, or nothing for the task. */
export function planKind(plan: ItemPlan, before: { status: string } | undefined): 'create' | 'close' | 'update' | null {
  if (plan.isNew) return 'create';
  if (!plan.writeTask) return null;
  if (before && !CLOSED.has(before.status) && CLOSED.has(plan.task.status)) return 'close';
  return 'update';
}

