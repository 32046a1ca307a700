import { getServerSession } from 'next-auth';
import { authOptions } from './options';

export type SessionUser = { id: string; email: string; name: string | null };

/** The signed-in user, or null. The one place pages and actions learn who is calling. */
export async function getSessionUser(): Promise<SessionUser | null> {
  const session = await getServerSession(authOptions());
  const u = session?.user;
  if (!u?.id || !u.email) return null;
  return { id: u.id, email: u.email, name: u.name ?? null };
}
