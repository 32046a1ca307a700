import type { Metadata } from 'next';
import Link from 'next/link';
import { Badge, ButtonLink, EmptyState, PageHeader } from '@/app/_components/ui';
import { getDb } from '@/db/client';
import { listProjectsForUser } from '@/db/queries/projects';
import { requireUser } from '@/lib/auth/project-access';

export const metadata: Metadata = { title: 'Projects' };

// GET /projects — the projects I belong to.
export default async function ProjectsPage() {
  const user = await requireUser('/projects');
  const projects = await listProjectsForUser(getDb(), user.id);
  return (
    <>
      <PageHeader
        title="Projects"
        subtitle="Projects you own or are a member of."
        actions={
          <ButtonLink href="/projects/new" variant="primary">
            New project
          </ButtonLink>
        }
      />
      {projects.length === 0 ? (
        <EmptyState>No projects yet. Create one, or ask an owner to add you by your email.</EmptyState>
      ) : (
        <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
          {projects.map((p) => (
            <li key={p.id} data-testid="project-card">
              <Link
                href={`/projects/${p.id}`}
                className="flex h-full flex-col rounded-xl border border-slate-200 bg-white p-4 shadow-sm transition hover:border-indigo-300 hover:shadow"
              >
                <div className="flex items-start justify-between gap-2">
                  <h2 className="font-medium text-slate-900">{p.name}</h2>
                  <Badge tone={p.role === 'owner' ? 'indigo' : 'gray'}>{p.role}</Badge>
                </div>
                {p.description && <p className="mt-1 line-clamp-2 text-sm text-slate-600">{p.description}</p>}
                <p className="mt-auto pt-3 text-xs text-slate-500">
                  {p.taskCount} {p.taskCount === 1 ? 'task' : 'tasks'}
                </p>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
