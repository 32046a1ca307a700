import { describe, expect, it } from 'vitest';
import { dueLabel, localToday, safeTimeZone } from '@/lib/tasks/local-dates';

describe('local dates', () => {
  it("today is the viewer's calendar day, not the server's", () => {
    const at = new Date('2027-05-10T23:30:00Z');
    expect(localToday('UTC', at)).toBe('2027-05-10');
    expect(localToday('Pacific/Auckland', at)).toBe('2027-05-11');
    expect(localToday('America/Los_Angeles', at)).toBe('2027-05-10');
    expect(safeTimeZone('Not/AZone')).toBe('UTC');
    expect(safeTimeZone(undefined)).toBe('UTC');
  });

  it('relative labels; only open work is overdue', () => {
    expect(dueLabel('2027-05-13', '2027-05-10', true)).toEqual({ text: 'in 3 days', overdue: false });
    expect(dueLabel('2027-05-10', '2027-05-10', true)).toEqual({ text: 'due today', overdue: false });
    expect(dueLabel('2027-05-11', '2027-05-10', true).text).toBe('tomorrow');
    expect(dueLabel('2027-05-08', '2027-05-10', true)).toEqual({ text: 'overdue by 2 days', overdue: true });
    expect(dueLabel('2027-05-09', '2027-05-10', true).text).toBe('overdue by 1 day');
    expect(dueLabel('2027-05-08', '2027-05-10', false)).toEqual({ text: '2 days ago', overdue: false });
    expect(dueLabel('2030-01-15', '2027-05-10', true).text).toBe('in 2 years');
  });
});
