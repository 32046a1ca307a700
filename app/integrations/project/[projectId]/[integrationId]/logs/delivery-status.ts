import type { IntegrationWebhook } from '@/db/schema';

/** A delivery still on its way: the logs page keeps following it until it is not. */
export function isUnfinished(status: IntegrationWebhook['status']): boolean {
  return status === 'pending' || status === 'processing';
}

/** A status in words: `no_handler` is an event Taskbridge receives but does not act on. */
export function statusWords(status: string): string {
  return status === 'no_handler' ? 'not acted on' : status.replace('_', ' ');
}

/** What a status means, where its word is not enough. */
export const deliveryStatusHelp: Partial<Record<IntegrationWebhook['status'], string>> = {
  no_handler: 'Taskbridge does not act on this kind of event; it was verified and kept for the record, and needs nothing.',
  invalid: 'The payload could not be read; it is not retried. Replay it after a fix if it should have worked.',
};
