import { Badge, type BadgeTone, formatDateTime } from '@/app/_components/ui';
import type { IntegrationLog } from '@/db/schema';
import { JsonBlock } from './json-block';
import { logDetailPairs, withoutSecrets } from './log-detail-pairs';

export const logStatusTone: Record<IntegrationLog['status'], BadgeTone> = { success: 'green', error: 'red', warning: 'amber', info: 'blue' };

/** One integration log entry with its details behind an expander: in words, the JSON behind "Raw details". */
export function LogRow({ log }: { log: IntegrationLog }) {
  const pairs = logDetailPairs(log.details);
  return (
    <li data-testid="log-row" data-status={log.status} data-action={log.actionType} className="border-b border-slate-100 last:border-0">
      <details className="group">
        <summary className="grid cursor-pointer list-none grid-cols-[auto_1fr] items-start gap-x-3 gap-y-1 px-3 py-2 text-sm hover:bg-slate-50 sm:grid-cols-[9.5rem_5.5rem_5rem_1fr_4.5rem]">
          <span className="whitespace-nowrap text-xs text-slate-500 sm:text-sm">{formatDateTime(log.timestamp)}</span>
          <span className="flex gap-1 sm:contents">
            <span><Badge tone={logStatusTone[log.status]}>{log.status}</Badge></span>
            <span className="font-mono text-xs text-slate-600 sm:pt-0.5">{log.actionType}</span>
          </span>
          <span className="col-span-2 break-words text-slate-800 sm:col-span-1">{log.description}</span>
          <span className="hidden text-right text-xs text-slate-500 sm:block sm:pt-0.5">{log.durationMs != null ? `${log.durationMs} ms` : ''}</span>
        </summary>
        <div className="space-y-2 px-3 pb-3 text-xs text-slate-600">
          <p>
            Duration: {log.durationMs != null ? `${log.durationMs} ms` : '—'} · id <span className="font-mono">{log.id}</span>
          </p>
          {pairs.length > 0 ? (
            <dl aria-label="Log details" className="grid grid-cols-1 gap-x-4 gap-y-1 sm:grid-cols-[minmax(8rem,auto)_1fr]">
              {pairs.map((p, i) => (
                <div key={i} className="contents">
                  <dt className="text-slate-500">{p.label}</dt>
                  <dd className="break-words text-slate-800">{p.value}</dd>
                </div>
              ))}
            </dl>
          ) : (
            <p>No details.</p>
          )}
          {pairs.length > 0 && (
            <details>
              <summary className="cursor-pointer text-slate-600">Raw details</summary>
              <JsonBlock value={withoutSecrets(log.details)} label="Raw details" />
            </details>
          )}
        </div>
      </details>
    </li>
  );
}
