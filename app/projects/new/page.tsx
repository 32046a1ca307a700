import type { Metadata } from 'next';
import { Card, PageHeader } from '@/app/_components/ui';
import { requireUser } from '@/lib/auth/project-access';
import { NewProjectForm } from '../_components/new-project-form';

export const metadata: Metadata = { title: 'New project' };

// GET /projects/new — any signed-in user; they become the owner.
export default async function NewProjectPage() {
  await requireUser('/projects/new');
  return (
    <div className="mx-auto max-w-xl">
      <PageHeader title="New project" subtitle="You will be its owner and can add members by email." back={{ href: '/projects', label: 'Projects' }} />
      <Card>
        <NewProjectForm />
      </Card>
    </div>
  );
}
