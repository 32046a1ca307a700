import type { Metadata } from 'next';
import Link from 'next/link';
import { Card, EmptyState, formatDateTime, PageHeader } from '@/app/_components/ui';
import { getDb } from '@/db/client';
import { listNotifications, ownedProjectsWithChannels } from '@/db/queries/notifications';
import { activeSenders } from '@/lib/alerts/deliver';
import { requireUser } from '@/lib/auth/project-access';
import { ChannelForm, MarkReadButton } from './notification-controls';

export const metadata: Metadata = { title: 'Notifications' };

// GET /notifications — my alerts (newest first), mark read, and where each project's alerts reach me.
export default async function NotificationsPage() {
  const user = await requireUser('/notifications');
  const db = getDb();
  const [items, owned] = await Promise.all([listNotifications(db, user.id), ownedProjectsWithChannels(db, user.id)]);
  const channels = activeSenders().map((s) => ({ name: s.name, label: s.label ?? s.name }));
  const unread = items.filter((i) => !i.notification.readAt);
  return (
    <>
      <PageHeader
        title="Notifications"
        subtitle="Alerts about the integrations of projects you own."
        actions={unread.length > 0 && <MarkReadButton label="Mark all read" />}
      />
      {items.length === 0 ? (
        <EmptyState>No notifications yet.</EmptyState>
      ) : (
        <ul className="divide-y divide-slate-100 rounded-xl border border-slate-200 bg-white" aria-label="Notifications">
          {items.map(({ notification: n, projectName }) => (
            <li key={n.id} className={`flex flex-wrap items-start justify-between gap-2 px-4 py-3 ${n.readAt ? '' : 'bg-indigo-50/50'}`} data-testid="notification" data-unread={n.readAt ? undefined : 'true'}>
              <div className="min-w-0">
                <p className="text-sm font-medium">
                  {!n.readAt && <span className="mr-1.5 inline-block h-2 w-2 rounded-full bg-indigo-600" aria-label="unread" />}
                  {n.href ? <Link href={n.href} className="hover:underline">{n.title}</Link> : n.title}
                </p>
                <p className="break-words text-sm text-slate-700">{n.body}</p>
                <p className="text-xs text-slate-500">{projectName} · {formatDateTime(n.createdAt)}</p>
              </div>
              {!n.readAt && <MarkReadButton ids={[n.id]} label="Mark read" />}
            </li>
          ))}
        </ul>
      )}
      {owned.length > 0 && (
        <Card className="mt-6" aria-labelledby="channels-heading">
          <h2 id="channels-heading" className="text-base font-semibold">Where alerts reach you</h2>
          <p className="mb-2 text-sm text-slate-600">
            Per project you own.{!channels.some((c) => c.name === 'email') && ' Email is off on this server (no SMTP_URL).'}
          </p>
          {owned.map((p) => (
            <ChannelForm key={p.id} projectId={p.id} projectName={p.name} channels={channels} off={p.off} />
          ))}
        </Card>
      )}
    </>
  );
}
