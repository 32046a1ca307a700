import { describe, expect, it } from 'vitest';
import { createTaskSchema, labelsSchema, parseLabels, updateTaskSchema } from '@/lib/actions/task-schema';

describe('parseLabels', () => {
  it('trims, drops empties, collapses spaces and dedupes ignoring case (first spelling wins)', () => {
    expect(parseLabels(' bug, UI ,Bug,,  good   first  ,ui')).toEqual(['bug', 'UI', 'good first']);
    expect(parseLabels(['a', ' a ', 'b'])).toEqual(['a', 'b']);
    expect(parseLabels('')).toEqual([]);
  });
});

describe('task input schemas', () => {
  it('limits label length and count', () => {
    expect(labelsSchema.safeParse('x'.repeat(40)).success).toBe(true);
    expect(labelsSchema.safeParse('x'.repeat(41)).success).toBe(false);
    const many = Array.from({ length: 21 }, (_, i) => `l${i}`).join(',');
    expect(labelsSchema.safeParse(many).success).toBe(false);
  });

  it('create fills defaults; update leaves absent fields out', () => {
    expect(createTaskSchema.parse({ projectId: 'p', title: 't' })).toEqual({
      projectId: 'p', title: 't', description: '', status: 'todo', priority: 'medium',
      labels: [], assigneeIds: [], dueDate: null, milestoneId: null,
    });
    expect(updateTaskSchema.parse({ projectId: 'p', taskId: 't', status: 'done' })).toEqual({
      projectId: 'p', taskId: 't', status: 'done',
    });
  });

  it('accepts only real yyyy-mm-dd dates and clears on empty', () => {
    const due = (dueDate: unknown) => createTaskSchema.safeParse({ projectId: 'p', title: 't', dueDate });
    expect(due('2028-02-29').data?.dueDate).toBe('2028-02-29');
    expect(due('').data?.dueDate).toBeNull();
    expect(due('2027-02-29').success).toBe(false);
    expect(due('2027-1-5').success).toBe(false);
  });
});
