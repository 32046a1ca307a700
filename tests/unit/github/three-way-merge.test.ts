import { describe, expect, it } from 'vitest';
import { threeWayMerge } from '@/lib/sync/engine/three-way-merge';

const fields = ['title', 'labels'] as const;
type F = { title: string; labels: string[] };
const merge = (base: F | null, local: F, remote: F, policy: 'newest' | 'taskbridge' | 'external' = 'newest', localNewer = false) =>
  threeWayMerge<F>({ fields, base, local, remote, policy, localChangedAt: new Date(localNewer ? 2000 : 1000), remoteChangedAt: new Date(1500) });

describe('threeWayMerge', () => {
  const base = { title: 'A', labels: ['x'] };
  it('takes the side that changed, per field', () => {
    const r = merge(base, { title: 'B', labels: ['x'] }, { title: 'A', labels: ['y'] });
    expect(r.merged).toEqual({ title: 'B', labels: ['y'] });
    expect(r.toLocal).toEqual({ labels: ['y'] });
    expect(r.toRemote).toEqual({ title: 'B' });
    expect(r.conflicts).toEqual([]);
  });
  it('settles a both-sides change by policy and records it', () => {
    expect(merge(base, { title: 'L', labels: ['x'] }, { title: 'R', labels: ['x'] }).conflicts[0]).toMatchObject({ field: 'title', winner: 'remote', policy: 'newest' });
    expect(merge(base, { title: 'L', labels: ['x'] }, { title: 'R', labels: ['x'] }, 'newest', true).toRemote).toEqual({ title: 'L' });
    expect(merge(base, { title: 'L', labels: ['x'] }, { title: 'R', labels: ['x'] }, 'taskbridge').merged.title).toBe('L');
    expect(merge(base, { title: 'L', labels: ['x'] }, { title: 'R', labels: ['x'] }, 'external').merged.title).toBe('R');
  });
  it('the same change on both sides is no conflict; no base means the remote is the truth', () => {
    expect(merge(base, { title: 'S', labels: ['x'] }, { title: 'S', labels: ['x'] }).conflicts).toEqual([]);
    expect(merge(null, { title: 'L', labels: [] }, { title: 'R', labels: [] }).merged.title).toBe('R');
  });
});
