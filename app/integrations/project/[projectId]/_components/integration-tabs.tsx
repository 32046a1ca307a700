import Link from 'next/link';
import type { ProjectRole } from '@/db/schema';
import { hasMappingPage } from '@/lib/integrations/mapping-pages';
import type { ProviderType } from '@/lib/integrations/provider-types';
import { hasCapability } from '@/lib/integrations/registry';

const tabs = [
  { slug: 'configure', label: 'Configure', owner: true },
  { slug: 'mapping', label: 'Mapping', owner: true },
  { slug: 'sync', label: 'Sync', owner: false },
  { slug: 'health', label: 'Health', owner: false },
  { slug: 'logs', label: 'Logs', owner: false },
  { slug: 'delete', label: 'Delete', owner: true },
] as const;

/**
 * Navigation between one integration's pages, the same on each of them: owner-only pages are not
 * offered to members, Mapping only where the provider has one, Sync only where it syncs tasks.
 */
export function IntegrationTabs({ base, role, current, providerType }: { base: string; role: ProjectRole; current: (typeof tabs)[number]['slug']; providerType: ProviderType }) {
  const offered = (slug: (typeof tabs)[number]['slug']) =>
    slug === 'mapping' ? hasMappingPage(providerType) : slug === 'sync' ? hasCapability(providerType, 'taskSync') : true;
  return (
    <nav aria-label="Integration pages" className="-mt-2 mb-6 flex gap-1 overflow-x-auto border-b border-slate-200">
      {tabs
        .filter((t) => (role === 'owner' || !t.owner) && offered(t.slug))
        .map((t) => (
          <Link
            key={t.slug}
            href={`${base}${t.slug}/`}
            aria-current={t.slug === current ? 'page' : undefined}
            className={
              t.slug === current
                ? 'border-b-2 border-indigo-600 px-3 py-2 text-sm font-medium text-indigo-700'
                : 'border-b-2 border-transparent px-3 py-2 text-sm text-slate-600 hover:text-slate-900'
            }
          >
            {t.label}
          </Link>
        ))}
    </nav>
  );
}
