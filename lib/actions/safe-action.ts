import { z } from 'zod';
import { type Db, getDb } from '@/db/client';
import { getMemberRole } from '@/db/queries/members';
import type { ProjectRole } from '@/db/schema';
import { getSessionUser, type SessionUser } from '@/lib/auth/session';
import { type ActionResult, AppError, errorSummary } from '@/lib/errors';

export type ActionContext = { db: Db; user: SessionUser; role: ProjectRole | null };
type Access = 'signed-in' | 'member' | 'owner';

const uuid = z.uuid('is not a valid id');

function fieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join('.') || '_';
    out[key] ??= issue.message;
  }
  return out;
}

/**
 * Wraps every server action once: session → input validation → role on the project named by
 * `input.projectId` → the handler → a typed result. Non-members get not_found (no hint the
 * project exists), members calling an owner action get forbidden, bad input names the field.
 * Unknown errors become a generic message and a log line; e.message never reaches the client.
 */
export function authedAction<S extends z.ZodType, T>(
  access: Access,
  schema: S,
  handler: (ctx: ActionContext, input: z.output<S>) => Promise<T>,
): (input: z.input<S>) => Promise<ActionResult<T>> {
  return async (raw) => {
    try {
      const user = await getSessionUser();
      if (!user) return { ok: false, error: { code: 'unauthorized', message: 'Sign in first.' } };
      const parsed = schema.safeParse(raw);
      if (!parsed.success) {
        const errors = fieldErrors(parsed.error);
        const [field, message] = Object.entries(errors)[0]!;
        return {
          ok: false,
          error: { code: 'bad_request', message: `${field}: ${message}`, fieldErrors: errors },
        };
      }
      const db = getDb();
      let role: ProjectRole | null = null;
      if (access !== 'signed-in') {
        const projectId = uuid.safeParse((parsed.data as { projectId?: unknown }).projectId);
        if (!projectId.success) throw new AppError('not_found', 'Project not found.');
        role = await getMemberRole(db, projectId.data, user.id);
        if (!role) throw new AppError('not_found', 'Project not found.');
        if (access === 'owner' && role !== 'owner') {
          throw new AppError('forbidden', 'Only the project owner can do that.');
        }
      }
      return { ok: true, data: await handler({ db, user, role }, parsed.data) };
    } catch (err) {
      if (err instanceof AppError) {
        return {
          ok: false,
          error: {
            code: err.code,
            message: err.userMessage,
            ...(err.field ? { fieldErrors: { [err.field]: err.userMessage } } : {}),
          },
        };
      }
      console.error('[action] unexpected error:', errorSummary(err));
      return { ok: false, error: { code: 'internal', message: 'Something went wrong. Try again.' } };
    }
  };
}
