import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type CpuProfile, formatSummary, moduleOf, readProfiles, summarizeProfiles } from '@/scripts/bench/profile-summary';

const fixtureDir = path.join(import.meta.dirname, 'fixtures');
const fixture = () => JSON.parse(fs.readFileSync(path.join(fixtureDir, 'small.cpuprofile'), 'utf8')) as CpuProfile;

describe('summarizeProfiles', () => {
  it('sums self time per module from the sample stream, gc/program/idle apart', () => {
    const summary = summarizeProfiles([fixture()], { root: '/srv/app' });
    expect(summary.separate).toEqual({ gc: 0.4, program: 3, idle: 10 });
    expect(summary.busyMs).toBe(5.5);
    expect(summary.totalMs).toBe(18.9);
    expect(summary.top).toEqual([
      { module: 'db/queries/projects.ts', selfMs: 2.1, percent: 38.2 },
      { module: 'drizzle-orm', selfMs: 2, percent: 36.4 },
      { module: '(next internals)', selfMs: 0.6, percent: 10.9 },
      { module: '@neondatabase/serverless', selfMs: 0.5, percent: 9.1 },
      { module: '(node)', selfMs: 0.2, percent: 3.6 },
      { module: '(native)', selfMs: 0.1, percent: 1.8 },
    ]);
  });

  it('adds several profiles together and keeps only the top N', () => {
    const summary = summarizeProfiles([fixture(), fixture()], { root: '/srv/app', top: 2 });
    expect(summary.profiles).toBe(2);
    expect(summary.busyMs).toBe(11);
    expect(summary.top.map((t) => [t.module, t.selfMs, t.percent])).toEqual([
      ['db/queries/projects.ts', 4.2, 38.2],
      ['drizzle-orm', 4, 36.4],
    ]);
  });

  it('maps a bundled .next chunk back to its original source through the .map beside it', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'prof-'));
    const chunk = path.join(dir, '.next', 'server', 'chunks', 'page.js');
    fs.mkdirSync(path.dirname(chunk), { recursive: true });
    fs.writeFileSync(chunk, 'x();\n');
    // Turbopack writes sources relative to the chunk.
    fs.writeFileSync(`${chunk}.map`, JSON.stringify({ version: 3, sources: ['../../../app/page.tsx'], names: [], mappings: 'AAAA' }));
    const profile = fixture();
    profile.nodes.find((n) => n.id === 8)!.callFrame.url = `file://${chunk}`;
    const mapped = summarizeProfiles([profile], { root: dir });
    expect(mapped.top[0]).toMatchObject({ module: 'app/page.tsx', selfMs: 2.1 });
    fs.rmSync(`${chunk}.map`);
    const unmapped = summarizeProfiles([profile], { root: dir });
    expect(unmapped.top[0]).toMatchObject({ module: '(next build output)', selfMs: 2.1 });
    fs.rmSync(dir, { recursive: true });
  });

  it('reads every .cpuprofile of a folder and prints a table', () => {
    const profiles = readProfiles(fixtureDir);
    expect(profiles).toHaveLength(1);
    const table = formatSummary(summarizeProfiles(profiles, { root: '/srv/app' }));
    expect(table.split('\n')[1]).toMatch(/^db\/queries\/projects\.ts\s+2\.1\s+38\.2$/);
    expect(table).toContain('gc 0.4 ms, program 3 ms, idle 10 ms');
  });
});

describe('moduleOf', () => {
  it.each([
    ['file:///srv/app/node_modules/.pnpm/react-dom@19/node_modules/react-dom/cjs/x.js', 'react-dom'],
    ['turbopack:///[project]/node_modules/@tanstack/react-query/build/a.js', '@tanstack/react-query'],
    ['file:///srv/app/node_modules/next/dist/compiled/next-server/app-page.runtime.prod.js', '(next internals)'],
    ['turbopack:///[project]/lib/auth/session.ts', 'lib/auth/session.ts'],
    ['node:internal/timers', '(node)'],
    ['/srv/app/.next/server/chunks/../../../node_modules/%40neondatabase/serverless/index.mjs', '@neondatabase/serverless'],
    ['evalmachine.<anonymous>', '(eval)'],
    ['[turbopack]/nodejs/runtime/build-base.ts', '(next internals)'],
    ['', '(native)'],
  ])('%s → %s', (url, expected) => {
    expect(moduleOf(url, '/srv/app')).toBe(expected);
  });
});
