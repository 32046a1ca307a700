import { Badge, type BadgeTone, formatDateTime } from '@/app/_components/ui';
import type { IntegrationWebhook } from '@/db/schema';
import type { ListedDelivery } from '@/db/queries/webhook-deliveries';
import { DeliveryDetails } from './delivery-details';
import { deliveryStatusHelp, statusWords } from './delivery-status';
import { JsonBlock } from './json-block';

export const deliveryStatusTone: Record<IntegrationWebhook['status'], BadgeTone> = {
  pending: 'blue',
  processing: 'indigo',
  processed: 'green',
  failed: 'red',
  no_handler: 'amber',
  invalid: 'red',
};

/**
 * One stored webhook delivery with its details; headers and payload load when opened
 * (DeliveryDetails). Replay controls for a delivery belong here (pass them as `actions`).
 */
export function DeliveryRow({ delivery, ids, actions }: { delivery: ListedDelivery; ids: { projectId: string; integrationId: string }; actions?: React.ReactNode }) {
  const event = delivery.eventAction ? `${delivery.eventType}.${delivery.eventAction}` : delivery.eventType;
  return (
    <li data-testid="delivery-row" data-status={delivery.status} data-event={delivery.eventType} className="border-b border-slate-100 last:border-0">
      <details>
        <summary className="grid cursor-pointer list-none grid-cols-[auto_1fr] items-start gap-x-3 gap-y-1 px-3 py-2 text-sm hover:bg-slate-50 sm:grid-cols-[9.5rem_6rem_1fr_5.5rem]">
          <span className="whitespace-nowrap text-xs text-slate-500 sm:text-sm">{formatDateTime(delivery.receivedAt)}</span>
          <span><Badge tone={deliveryStatusTone[delivery.status]}>{statusWords(delivery.status)}</Badge></span>
          <span className="col-span-2 break-all font-mono text-xs text-slate-800 sm:col-span-1 sm:pt-0.5">{event}</span>
          <span className="hidden text-right text-xs text-slate-500 sm:block sm:pt-0.5">
            {delivery.attempts} attempt{delivery.attempts === 1 ? '' : 's'}
          </span>
        </summary>
        <div className="space-y-3 px-3 pb-3 text-xs text-slate-700">
          <dl className="grid grid-cols-1 gap-x-4 gap-y-1 sm:grid-cols-2">
            <div><dt className="inline text-slate-500">Delivery id: </dt><dd className="inline break-all font-mono">{delivery.deliveryId}</dd></div>
            <div><dt className="inline text-slate-500">Event: </dt><dd className="inline font-mono">{delivery.eventType}{delivery.eventAction ? ` / ${delivery.eventAction}` : ''}</dd></div>
            <div><dt className="inline text-slate-500">Status: </dt><dd className="inline">{statusWords(delivery.status)} · {delivery.attempts} attempt{delivery.attempts === 1 ? '' : 's'}</dd></div>
            <div><dt className="inline text-slate-500">Received: </dt><dd className="inline">{formatDateTime(delivery.receivedAt)}</dd></div>
            <div><dt className="inline text-slate-500">Processed: </dt><dd className="inline">{formatDateTime(delivery.processedAt)}</dd></div>
          </dl>
          {deliveryStatusHelp[delivery.status] && <p className="text-slate-600">{deliveryStatusHelp[delivery.status]}</p>}
          {delivery.error && <p className="break-words rounded-md bg-red-50 px-3 py-2 text-red-800">Error: {delivery.error}</p>}
          {delivery.result != null && <JsonBlock value={delivery.result} label="Result" />}
          <DeliveryDetails projectId={ids.projectId} integrationId={ids.integrationId} deliveryId={delivery.id} />
          {actions}
        </div>
      </details>
    </li>
  );
}
