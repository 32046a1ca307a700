import { ButtonLink } from '@/app/_components/ui';
import type { ProviderType } from '@/lib/integrations/provider-types';
import { ProviderFeatures } from '../_components/provider-features';

type Choice = { id: ProviderType; name: string; description: string; features: string[]; connect: string | null };

/** One card per provider; choosing one opens its set-up page (nothing is created until that page is saved). */
export function ProviderPicker({ projectId, providers }: { projectId: string; providers: Choice[] }) {
  return (
    <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
      {providers.map((p) => (
        <li key={p.id} className="flex h-full flex-col items-start rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
          <h2 className="font-semibold text-slate-900">{p.name}</h2>
          <p className="mt-1 text-sm text-slate-600">{p.description}</p>
          <ProviderFeatures features={p.features} className="mt-3 flex-1" />
          {p.connect && <p className="mt-3 text-xs text-slate-600">{p.connect}</p>}
          <ButtonLink href={`/integrations/project/${projectId}/create/${p.id}/`} className="mt-4">
            Set up {p.name}
          </ButtonLink>
        </li>
      ))}
    </ul>
  );
}
