import { describe, expect, it } from 'vitest';
import { base32hex, googleEventId, parseItemKey } from '@/lib/calendar/event-ids';
import { KeyedLimiter, parseRetryAfter, withRetry } from '@/lib/calendar/retry';
import { wantsEvent, type DeadlineItem } from '@/lib/calendar/deadline-items';
import { calendarSettingsSchema } from '@/lib/integrations/calendar-schema';

describe('event ids', () => {
  it('base32hex per RFC 4648 (lower case, no padding)', () => {
    expect(base32hex(new TextEncoder().encode('foobar'))).toBe('cpnmuoj1e8');
    expect(base32hex(new TextEncoder().encode('f'))).toBe('co');
  });
  it('a Google id is stable, in [a-v0-9] and 5–1024 long', () => {
    const key = 'task:0b0e5a4e-9d2c-4a4e-8f7e-2f9a2d0b7c11';
    expect(googleEventId(key)).toBe(googleEventId(key));
    expect(googleEventId(key)).toMatch(/^[a-v0-9]{5,1024}$/);
    expect(parseItemKey(key)).toEqual({ kind: 'task', id: '0b0e5a4e-9d2c-4a4e-8f7e-2f9a2d0b7c11' });
    expect(parseItemKey('task:../x')).toBeNull();
  });
});

describe('throttling', () => {
  it('Retry-After in seconds or as a date', () => {
    expect(parseRetryAfter('3')).toBe(3000);
    expect(parseRetryAfter(new Date(10_000).toUTCString(), 5_000)).toBe(5000);
    expect(parseRetryAfter('soon')).toBeNull();
  });
  it('retries only what the classifier calls throttling', async () => {
    let calls = 0;
    const out = await withRetry(async () => (++calls < 3 ? Promise.reject(new Error('429')) : 'ok'), () => ({ retryAfterMs: 1 }));
    expect([out, calls]).toEqual(['ok', 3]);
    calls = 0;
    await expect(withRetry(async () => (calls++, Promise.reject(new Error('400'))), () => null)).rejects.toThrow('400');
    expect(calls).toBe(1);
  });
  it('at most N calls at once per key', async () => {
    const limiter = new KeyedLimiter(4);
    let active = 0;
    let peak = 0;
    await Promise.all(Array.from({ length: 12 }, () => limiter.run('mailbox', async () => {
      peak = Math.max(peak, ++active);
      await new Promise((r) => setTimeout(r, 5));
      active--;
    })));
    expect(peak).toBe(4);
  });
});

describe('what becomes an event', () => {
  const item = (over: Partial<DeadlineItem>): DeadlineItem => ({
    ref: { kind: 'task', id: 'x' }, projectId: 'p', projectName: 'P', timeZone: 'UTC', title: 't', dueDate: '2026-01-01', status: 'todo', completed: false, assigneeIds: [], labels: [], ...over,
  });
  const settings = (s: Record<string, unknown>) => calendarSettingsSchema.parse(s);
  it('follows the task filter, the milestone switch and the completed setting', () => {
    expect(wantsEvent(item({ dueDate: null }), settings({}), null)).toBe(false);
    expect(wantsEvent(item({ assigneeIds: ['u1'] }), settings({ taskDeadlines: 'assigned_to_me' }), 'u1')).toBe(true);
    expect(wantsEvent(item({ assigneeIds: ['u2'] }), settings({ taskDeadlines: 'assigned_to_me' }), 'u1')).toBe(false);
    expect(wantsEvent(item({ labels: ['Bug'] }), settings({ taskDeadlines: 'labels', taskLabels: ['bug'] }), null)).toBe(true);
    expect(wantsEvent(item({ ref: { kind: 'milestone', id: 'm' } }), settings({ syncMilestones: false }), null)).toBe(false);
    expect(wantsEvent(item({ completed: true }), settings({}), null)).toBe(true);
    expect(wantsEvent(item({ completed: true }), settings({ completedItems: 'remove' }), null)).toBe(false);
  });
});
