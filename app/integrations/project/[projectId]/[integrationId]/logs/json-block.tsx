const MAX_CHARS = 20_000;

/** Pretty JSON for the details expanders, cut off past 20 kB so a huge payload cannot swamp the page. */
export function JsonBlock({ value, label }: { value: unknown; label?: string }) {
  const text = JSON.stringify(value, null, 2) ?? 'null';
  const shown = text.length > MAX_CHARS ? `${text.slice(0, MAX_CHARS)}\n… (${text.length - MAX_CHARS} more characters)` : text;
  return (
    <pre aria-label={label} className="max-h-96 overflow-auto rounded-md bg-slate-900 p-3 font-mono text-xs leading-relaxed text-slate-100">
      {shown}
    </pre>
  );
}
