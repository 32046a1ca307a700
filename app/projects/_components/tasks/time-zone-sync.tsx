'use client';

import { useRouter } from 'next/navigation';
import { useEffect } from 'react';
import { TZ_COOKIE } from '@/lib/tasks/local-dates';

/** Tells the server the viewer's time zone (a cookie), so "today", "overdue" and due labels are local. */
export function TimeZoneSync({ current }: { current: string }) {
  const router = useRouter();
  useEffect(() => {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (!zone || zone === current) return;
    document.cookie = `${TZ_COOKIE}=${encodeURIComponent(zone)}; path=/; max-age=31536000; samesite=lax`;
    router.refresh();
  }, [current, router]);
  return null;
}
