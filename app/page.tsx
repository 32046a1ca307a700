import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getSessionUser } from '@/lib/auth/session';

export default async function Home() {
  if (await getSessionUser()) redirect('/projects');
  return (
    <section className="mx-auto mt-16 max-w-2xl text-center">
      <h1 className="text-3xl font-semibold tracking-tight">Keep your projects in step</h1>
      <p className="mt-3 text-slate-600">
        Tasks and milestones that stay in sync with GitHub, Slack, Jira, Google Calendar and Outlook — with every webhook,
        sync and failure visible.
      </p>
      <Link href="/signin" className="mt-6 inline-block rounded-md bg-indigo-600 px-4 py-2 text-sm font-medium text-white hover:bg-indigo-600/90">
        Sign in
      </Link>
    </section>
  );
}
