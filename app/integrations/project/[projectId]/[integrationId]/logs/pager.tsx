import Link from 'next/link';
import { encodeCursor, type KeysetPage } from '@/db/queries/keyset';

type Props = {
  /** The page's URL with every current query parameter except this list's cursors. */
  href: (set: Record<string, string>) => string;
  page: Pick<KeysetPage<unknown>, 'older' | 'newer'>;
  /** Query parameter names of this list's cursors, e.g. logsBefore / logsAfter. */
  before: string;
  after: string;
  label: string;
};

const link = 'rounded-md border border-slate-300 bg-white px-3 py-1 text-sm text-slate-800 hover:bg-slate-50';

/** "Newer" / "Older" links of one keyset-paginated list; nothing when it fits on one page. */
export function Pager({ href, page, before, after, label }: Props) {
  if (!page.older && !page.newer) return null;
  return (
    <nav aria-label={`${label} pages`} className="flex justify-between gap-2 px-4 pb-4 sm:px-5">
      {page.newer ? <Link href={href({ [after]: encodeCursor(page.newer) })} className={link} rel="prev">← Newer</Link> : <span />}
      {page.older ? <Link href={href({ [before]: encodeCursor(page.older) })} className={link} rel="next">Older →</Link> : <span />}
    </nav>
  );
}
