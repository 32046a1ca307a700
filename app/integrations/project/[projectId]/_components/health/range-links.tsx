import Link from 'next/link';
import type { HealthRange } from '@/db/queries/health';

const labels: Record<HealthRange, string> = { '24h': '24 h', '7d': '7 days', '30d': '30 days' };

export function parseRange(value: unknown): HealthRange {
  return value === '7d' || value === '30d' ? value : '24h';
}

/** The range switch: plain links (?range=), so a range can be shared and needs no JS. */
export function RangeLinks({ base, current }: { base: string; current: HealthRange }) {
  return (
    <nav aria-label="Range" className="inline-flex rounded-md border border-slate-300 bg-white p-0.5 text-sm">
      {(Object.keys(labels) as HealthRange[]).map((r) => (
        <Link
          key={r}
          href={`${base}?range=${r}`}
          aria-current={r === current ? 'true' : undefined}
          className={r === current ? 'rounded bg-indigo-600 px-3 py-1 font-medium text-white' : 'rounded px-3 py-1 text-slate-700 hover:bg-slate-100'}
        >
          {labels[r]}
        </Link>
      ))}
    </nav>
  );
}
