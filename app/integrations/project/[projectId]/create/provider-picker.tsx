'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { Alert } from '@/app/_components/ui';
import { createIntegration } from '@/lib/actions/create-integration';
import type { ProviderId } from '@/lib/integrations/provider-ids';

type Choice = { id: ProviderId; name: string; description: string };

/** One card per provider; choosing one creates the integration and opens its configure page. */
export function ProviderPicker({ projectId, providers }: { projectId: string; providers: Choice[] }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [chosen, setChosen] = useState<ProviderId | null>(null);
  const [error, setError] = useState<string | null>(null);
  const choose = (id: ProviderId) => {
    setChosen(id);
    setError(null);
    startTransition(async () => {
      const result = await createIntegration({ projectId, providerId: id });
      if (!result.ok) {
        setError(result.error.message);
        setChosen(null);
        return;
      }
      router.push(`/integrations/project/${projectId}/${result.data.integrationId}/configure/`);
    });
  };
  return (
    <div className="space-y-4">
      {error && <Alert>{error}</Alert>}
      <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
        {providers.map((p) => (
          <li key={p.id}>
            <button
              type="button"
              aria-label={p.name}
              disabled={pending}
              onClick={() => choose(p.id)}
              className="flex h-full w-full flex-col items-start rounded-xl border border-slate-200 bg-white p-4 text-left shadow-sm transition hover:border-indigo-400 hover:shadow focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500 disabled:opacity-60"
            >
              <span className="font-semibold text-slate-900">{p.name}</span>
              <span className="mt-1 text-sm text-slate-600">{p.description}</span>
              {chosen === p.id && pending && <span className="mt-2 text-xs text-indigo-700">Creating…</span>}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
