import { describe, expect, it } from 'vitest';
import { deliveryStatusHelp, isUnfinished, statusWords } from '@/app/integrations/project/[projectId]/[integrationId]/logs/delivery-status';

describe('delivery statuses in words', () => {
  it('names an event Taskbridge does not act on in words, not as the raw enum', () => {
    expect(statusWords('no_handler')).toBe('not acted on');
    expect(statusWords('processed')).toBe('processed');
    expect(deliveryStatusHelp.no_handler).toMatch(/does not act on/);
  });
  it('follows only deliveries still on their way', () => {
    expect(isUnfinished('pending')).toBe(true);
    expect(isUnfinished('processing')).toBe(true);
    expect(isUnfinished('no_handler')).toBe(false);
  });
});
