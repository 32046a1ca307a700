'use client';

import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { getDeliveryDetails } from '@/lib/actions/get-delivery-details';

type Ref = { projectId: string; integrationId: string; deliveryId: string };

const pre = 'max-h-96 overflow-auto rounded-md bg-slate-900 p-3 font-mono text-xs leading-relaxed text-slate-100';

/** Headers and payload of a delivery, fetched the first time one of them is opened. */
export function DeliveryDetails(ref: Ref) {
  const [open, setOpen] = useState(false);
  const { data, error, isPending } = useQuery({
    queryKey: ['delivery-details', ref.deliveryId],
    enabled: open,
    staleTime: Infinity,
    queryFn: async () => {
      const r = await getDeliveryDetails(ref);
      if (!r.ok) throw new Error(r.error.message);
      return r.data;
    },
  });
  const body = (which: 'headers' | 'payload', label: string) =>
    error ? (
      <p role="alert" className="text-red-700">Could not load: {error.message}</p>
    ) : isPending ? (
      <p className="text-slate-600">Loading…</p>
    ) : (
      <pre aria-label={label} className={pre}>{data[which]}</pre>
    );
  const onToggle = (e: React.SyntheticEvent<HTMLDetailsElement>) => {
    if (e.currentTarget.open) setOpen(true);
  };
  return (
    <>
      <details onToggle={onToggle}>
        <summary className="cursor-pointer text-slate-600">Headers</summary>
        {open && body('headers', 'Headers')}
      </details>
      <details onToggle={onToggle}>
        <summary className="cursor-pointer text-slate-600">Payload</summary>
        {open && body('payload', 'Payload')}
      </details>
    </>
  );
}
