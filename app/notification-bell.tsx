import Link from 'next/link';
import { getDb } from '@/db/client';
import { unreadNotificationCount } from '@/db/queries/notifications';

/** The header bell: unread alerts, linking to the list. */
export async function NotificationBell({ userId }: { userId: string }) {
  const unread = await unreadNotificationCount(getDb(), userId);
  const label = unread ? `Notifications, ${unread} unread` : 'Notifications';
  return (
    <Link href="/notifications" aria-label={label} title={label} className="relative inline-flex h-8 w-8 items-center justify-center rounded-md text-slate-600 hover:bg-slate-100 hover:text-slate-900" data-testid="notification-bell">
      <svg viewBox="0 0 24 24" aria-hidden="true" className="h-5 w-5" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round">
        <path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
        <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
      </svg>
      {unread > 0 && (
        <span className="absolute -right-1 -top-1 min-w-[1.1rem] rounded-full bg-red-600 px-1 text-center text-[10px] font-semibold leading-[1.1rem] text-white" data-testid="unread-count">
          {unread > 99 ? '99+' : unread}
        </span>
      )}
    </Link>
  );
}
