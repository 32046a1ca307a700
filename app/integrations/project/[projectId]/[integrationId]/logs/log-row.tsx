import { Badge, type BadgeTone, formatDateTime } from '@/app/_components/ui';
import type { IntegrationLog } from '@/db/schema';
import { JsonBlock } from './json-block';

export const logStatusTone: Record<IntegrationLog['status'], BadgeTone> = { success: 'green', error: 'red', warning: 'amber', info: 'blue' };

/** One integration log entry with its details behind an expander. */
export function LogRow({ log }: { log: IntegrationLog }) {
  const hasDetails = Object.keys(log.details).length > 0;
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
          {hasDetails ? <JsonBlock value={log.details} label="Log details" /> : <p>No details.</p>}
        </div>
      </details>
    </li>
  );
}
