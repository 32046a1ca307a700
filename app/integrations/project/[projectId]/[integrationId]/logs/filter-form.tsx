import Link from 'next/link';
import { statusWords } from './delivery-status';

type SelectSpec = { name: string; label: string; options: readonly string[]; value?: string };
type Props = {
  action: string;
  selects: SelectSpec[];
  text?: { name: string; label: string; value?: string; placeholder?: string };
  /** The other table's filters, carried along so filtering one table keeps the other's. */
  keep: Record<string, string | undefined>;
};

const control = 'rounded-md border border-slate-300 bg-white px-2 py-1 text-sm';

/** A plain GET form: filters live in the query string, work without JavaScript and can be linked. */
export function FilterForm({ action, selects, text, keep }: Props) {
  const active = selects.some((s) => s.value) || Boolean(text?.value);
  const clearHref = `${action}?${new URLSearchParams(Object.entries(keep).filter((e): e is [string, string] => Boolean(e[1]))).toString()}`;
  return (
    <form method="get" action={action} className="flex flex-wrap items-end gap-2">
      {Object.entries(keep).map(([k, v]) => v && <input key={k} type="hidden" name={k} value={v} />)}
      {selects.map((s) => (
        <label key={s.name} className="flex flex-col text-xs text-slate-500">
          {s.label}
          <select name={s.name} defaultValue={s.value ?? ''} className={control}>
            <option value="">all</option>
            {s.options.map((o) => <option key={o} value={o}>{statusWords(o)}</option>)}
          </select>
        </label>
      ))}
      {text && (
        <label className="flex flex-col text-xs text-slate-500">
          {text.label}
          <input name={text.name} defaultValue={text.value ?? ''} placeholder={text.placeholder} className={`${control} w-32`} />
        </label>
      )}
      <button type="submit" className="rounded-md border border-slate-300 bg-white px-3 py-1 text-sm font-medium text-slate-800 hover:bg-slate-50">Filter</button>
      {active && <Link href={clearHref.replace(/\?$/, '')} className="px-1 py-1 text-sm text-slate-500 hover:text-slate-800">Clear</Link>}
    </form>
  );
}
