import fs from 'node:fs';
import { SourceMap } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Reads V8 .cpuprofile files (node --cpu-prof) and sums self time by module: the package name
 * for node_modules code, "(next internals)" for Next itself, the project-relative file for app
 * code (bundled chunks are mapped back through their source maps when present), "(node)" for
 * node: built-ins, "(native)" for V8 builtins. "(gc)", "(program)" and "(idle)" are kept apart:
 * percentages are of the rest ("busy" time spent in JavaScript).
 */
export type CpuProfile = {
  nodes: Array<{
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
    hitCount?: number;
  }>;
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
};

export type ModuleTime = { module: string; selfMs: number; percent: number };
export type ProfileSummary = {
  profiles: number;
  totalMs: number;
  /** Time in JavaScript (excluding gc, program and idle): the base of `percent`. */
  busyMs: number;
  separate: { gc: number; program: number; idle: number };
  top: ModuleTime[];
};

const SEPARATE: Record<string, keyof ProfileSummary['separate']> = {
  '(garbage collector)': 'gc',
  '(program)': 'program',
  '(idle)': 'idle',
};

/** A module name for a script URL (or a source-mapped original source). */
export function moduleOf(url: string, root: string): string {
  if (!url) return '(native)';
  if (url.startsWith('node:')) return '(node)';
  if (url.startsWith('evalmachine.')) return '(eval)';
  if (url.startsWith('wasm://')) return '(wasm)';
  let p = url.startsWith('file://') ? fileURLToPath(url) : safeDecode(url);
  p = p.replace(/^turbopack:\/\/\/?/, '').replace(/^webpack:\/\/[^/]*\//, '').replace(/^\[project\]\//, '');
  const nm = p.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const parts = p.slice(nm + 'node_modules/'.length).split('/');
    const pkg = parts[0]!.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]!;
    if (pkg === 'src') return '(node_modules, package unnamed by its source map)';
    return pkg === 'next' ? '(next internals)' : pkg;
  }
  if (path.isAbsolute(p)) p = path.relative(root, p);
  if (p.startsWith('.next/')) return '(next build output)';
  if (p.startsWith('[turbopack]/')) return '(next internals)';
  return p;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

type Mapper = (url: string, line: number, column: number) => string;

/** Maps a bundled chunk's position to its original source when the chunk has a .map beside it. */
function sourceMapper(): Mapper {
  const maps = new Map<string, SourceMap | null>();
  const load = (url: string): SourceMap | null => {
    if (maps.has(url)) return maps.get(url)!;
    let map: SourceMap | null = null;
    try {
      const file = url.startsWith('file://') ? fileURLToPath(url) : url;
      if (path.isAbsolute(file) && file.includes(`${path.sep}.next${path.sep}`)) map = new SourceMap(JSON.parse(fs.readFileSync(`${file}.map`, 'utf8')));
    } catch {
      map = null;
    }
    maps.set(url, map);
    return map;
  };
  return (url, line, column) => {
    const entry = load(url)?.findEntry(line, column) as { originalSource?: string } | undefined;
    const source = entry?.originalSource;
    if (!source) return url;
    // Turbopack's sources are relative to the chunk (../../../lib/x.ts); others carry a scheme.
    if (/^[a-z][a-z0-9+.-]*:/i.test(source) || source.startsWith('[')) return source;
    const chunk = url.startsWith('file://') ? fileURLToPath(url) : url;
    return path.resolve(path.dirname(chunk), safeDecode(source));
  };
}

/** Self time per profile node, from the sample stream (each sample lasts until the next one). */
function selfTimes(profile: CpuProfile): Map<number, number> {
  const self = new Map<number, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  if (samples.length === 0) {
    // No sample stream: fall back to hit counts spread evenly over the profile.
    const hits = profile.nodes.reduce((sum, n) => sum + (n.hitCount ?? 0), 0);
    const each = hits ? (profile.endTime - profile.startTime) / hits : 0;
    for (const n of profile.nodes) self.set(n.id, (n.hitCount ?? 0) * each);
    return self;
  }
  for (let i = 0; i < samples.length; i++) {
    const next = i + 1 < deltas.length ? deltas[i + 1]! : 0;
    self.set(samples[i]!, (self.get(samples[i]!) ?? 0) + Math.max(0, next));
  }
  return self;
}

export function summarizeProfiles(profiles: CpuProfile[], options: { root?: string; top?: number } = {}): ProfileSummary {
  const root = options.root ?? process.cwd();
  const map = sourceMapper();
  const byModule = new Map<string, number>();
  const separate = { gc: 0, program: 0, idle: 0 };
  let totalUs = 0;
  for (const profile of profiles) {
    const self = selfTimes(profile);
    for (const node of profile.nodes) {
      const us = self.get(node.id) ?? 0;
      if (us === 0) continue;
      totalUs += us;
      const { functionName, url, lineNumber, columnNumber } = node.callFrame;
      if (functionName === '(root)') continue;
      const kind = SEPARATE[functionName];
      if (kind) {
        separate[kind] += us;
        continue;
      }
      const name = moduleOf(map(url, lineNumber, columnNumber), root);
      byModule.set(name, (byModule.get(name) ?? 0) + us);
    }
  }
  const busyUs = [...byModule.values()].reduce((a, b) => a + b, 0);
  const ms = (us: number) => Math.round(us / 100) / 10;
  const top = [...byModule.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, options.top ?? 15)
    .map(([module, us]) => ({ module, selfMs: ms(us), percent: busyUs ? Math.round((us / busyUs) * 1000) / 10 : 0 }));
  return {
    profiles: profiles.length,
    totalMs: ms(totalUs),
    busyMs: ms(busyUs),
    separate: { gc: ms(separate.gc), program: ms(separate.program), idle: ms(separate.idle) },
    top,
  };
}

export function readProfiles(dir: string): CpuProfile[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.cpuprofile'))
    .map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as CpuProfile);
}

/** The table printed by the benchmarks (the JSON line is printed by the caller). */
export function formatSummary(summary: ProfileSummary): string {
  const width = Math.max(6, ...summary.top.map((t) => t.module.length));
  const lines = [
    `${'module'.padEnd(width)}  self ms   % busy`,
    ...summary.top.map((t) => `${t.module.padEnd(width)}  ${t.selfMs.toFixed(1).padStart(7)}  ${t.percent.toFixed(1).padStart(6)}`),
    `busy ${summary.busyMs} ms of ${summary.totalMs} ms sampled; separately: gc ${summary.separate.gc} ms, program ${summary.separate.program} ms, idle ${summary.separate.idle} ms`,
  ];
  return lines.join('\n');
}

/** BENCH_PROFILE=1: the table, then one JSON line `{"profile":…}` (before the benchmark's own last line). */
export function printProfileSummary(dir: string, log: (...args: unknown[]) => void): void {
  const profiles = readProfiles(dir);
  if (profiles.length === 0) {
    log(`no .cpuprofile written in ${dir} (did the server exit cleanly?)`);
    return;
  }
  const summary = summarizeProfiles(profiles);
  log(`CPU profile of next start (${dir}), self time by module:\n${formatSummary(summary)}`);
  console.log(JSON.stringify({ profile: summary }));
}
