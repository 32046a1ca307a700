import { describe, expect, it, vi } from 'vitest';
import { AppError, describeError, UserFacingError } from '@/lib/errors';

describe('describeError', () => {
  it('passes messages written for users through', () => {
    expect(describeError(new UserFacingError('GitHub answered 404.'), 'Sync failed')).toBe('GitHub answered 404.');
    expect(describeError(new AppError('forbidden', 'Only owners.'), 'x')).toBe('Only owners.');
  });

  it('names network failures without leaking anything else', () => {
    const err = new TypeError('fetch failed', { cause: Object.assign(new Error('getaddrinfo ENOTFOUND api.github.com'), { code: 'ENOTFOUND' }) });
    expect(describeError(err, 'The sync failed')).toBe('The sync failed: the service could not be reached (ENOTFOUND).');
  });

  it('hides other errors (a failed query carries SQL and parameter values) and logs one short line', () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const err = new Error('Failed query: insert into x values ($1)\nparams: ghp_secretvalue');
    const text = describeError(err, 'The sync failed', '[sync]');
    expect(text).toBe('The sync failed (unexpected error; details are in the server log).');
    expect(JSON.stringify(log.mock.calls)).not.toContain('ghp_secretvalue');
    log.mockRestore();
  });
});
