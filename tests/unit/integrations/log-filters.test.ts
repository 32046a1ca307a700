import { describe, expect, it } from 'vitest';
import { parseLogFilters } from '@/app/integrations/project/[projectId]/[integrationId]/logs/log-filters';

describe('logs page filters', () => {
  it('keeps valid values and names the ignored ones', () => {
    expect(parseLogFilters({ logStatus: 'error', logAction: 'sync', deliveryStatus: 'failed', event: 'issues' })).toEqual({
      filters: { logStatus: 'error', logAction: 'sync', deliveryStatus: 'failed', event: 'issues' },
      cursors: {},
      ignored: [],
    });
    expect(parseLogFilters({ logStatus: 'bogus', logAction: ['auth', 'sync'], event: "x' or 1=1", other: 'x' })).toEqual({
      filters: { logAction: 'auth' },
      cursors: {},
      ignored: ['logStatus', 'event'],
    });
    expect(parseLogFilters({ logStatus: '' })).toEqual({ filters: {}, cursors: {}, ignored: [] });
  });
});
