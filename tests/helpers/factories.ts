import { getDb } from '@/db/client';
import { projectMembers, projects, users, type ProjectRole } from '@/db/schema';

const rand = () => Math.random().toString(36).slice(2, 10);

export async function createUser(name = 'user') {
  const [u] = await getDb()
    .insert(users)
    .values({ email: `${name}-${rand()}@example.test`, name, emailVerified: new Date() })
    .returning();
  return u!;
}

export async function createProject(ownerId: string, name = `Project ${rand()}`) {
  const db = getDb();
  const [p] = await db.insert(projects).values({ name, createdBy: ownerId }).returning();
  await db.insert(projectMembers).values({ projectId: p!.id, userId: ownerId, role: 'owner' });
  return p!;
}

export async function addMember(projectId: string, userId: string, role: ProjectRole = 'member') {
  await getDb().insert(projectMembers).values({ projectId, userId, role });
}
