import type { SessionUser } from '@/lib/auth/session';

/**
 * What the model test replaces, and nothing more: who is calling a server action, and
 * next/server's `after` (work after the response), which queues here so the model decides
 * when a scheduled push runs, or whether it is lost with its process.
 */
export const caller: { current: SessionUser | null } = { current: null };
export const deferred: { queue: Array<() => Promise<unknown>> } = { queue: [] };
