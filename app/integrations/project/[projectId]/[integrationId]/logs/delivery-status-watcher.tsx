'use client';

import { useQuery } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useEffect } from 'react';
import { getDeliveryStatuses } from '@/lib/actions/get-delivery-statuses';

type Props = {
  projectId: string;
  integrationId: string;
  /** The deliveries this render shows as pending or processing, with the status shown. */
  unfinished: Array<{ id: string; status: string }>;
};

/** Polls every 1.5 s; a delivery stuck for a minute (the job service down) is then asked about every 10 s. */
const FAST_POLLS = 40;

/**
 * Keeps the logs page's unfinished deliveries current: while any row shows pending or
 * processing, their statuses are polled, and once one differs from what is shown the page is
 * re-read (router.refresh), so a replay or a delivery being worked on ends on its final status
 * without a reload. Renders nothing.
 */
export function DeliveryStatusWatcher({ projectId, integrationId, unfinished }: Props) {
  const router = useRouter();
  const ids = unfinished.map((d) => d.id);
  const { data } = useQuery({
    queryKey: ['delivery-statuses', integrationId, ...ids],
    enabled: ids.length > 0,
    refetchInterval: (q) => (q.state.dataUpdateCount < FAST_POLLS ? 1500 : 10_000),
    queryFn: async () => {
      const r = await getDeliveryStatuses({ projectId, integrationId, deliveryIds: ids });
      if (!r.ok) throw new Error(r.error.message);
      return r.data;
    },
  });
  const shown = new Map(unfinished.map((d) => [d.id, d.status]));
  const moved = (data ?? []).filter((d) => shown.has(d.id) && shown.get(d.id) !== d.status);
  const movedKey = moved.map((d) => `${d.id}:${d.status}`).join(',');
  useEffect(() => {
    if (movedKey) router.refresh();
  }, [movedKey, router]);
  return null;
}
