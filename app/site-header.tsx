import Link from 'next/link';
import { getSessionUser } from '@/lib/auth/session';
import { NotificationBell } from './notification-bell';
import { KeyboardShortcuts } from './keyboard-shortcuts';
import { SignOutButton } from './sign-out-button';

export async function SiteHeader() {
  const user = await getSessionUser();
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex h-14 max-w-6xl items-center justify-between px-4 sm:px-6">
        <Link href="/" className="font-semibold tracking-tight text-slate-900">
          Taskbridge
        </Link>
        {user ? (
          <div className="flex items-center gap-3 text-sm">
            <Link href="/projects" className="text-slate-600 hover:text-slate-900">
              Projects
            </Link>
            <NotificationBell userId={user.id} />
            <span className="hidden text-slate-500 sm:inline" data-testid="current-user">
              {user.email}
            </span>
            <KeyboardShortcuts />
            <SignOutButton />
          </div>
        ) : (
          <Link href="/signin" className="text-sm font-medium text-indigo-700 hover:text-indigo-800">
            Sign in
          </Link>
        )}
      </div>
    </header>
  );
}
