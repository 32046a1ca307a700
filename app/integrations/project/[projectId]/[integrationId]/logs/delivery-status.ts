import type { IntegrationWebhook } from '@/db/schema';

/** A delivery still on its way: the logs page keeps following it until it is not. */
export function isUnfinished(status: IntegrationWebhook['status']): boolean {
  return status === 'pending' || status === 'processing';
}
