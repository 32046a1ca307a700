import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { AppEdit, commandArbs, Crash, CreateIssue, CreateTask, Export, Deliver, GithubEdit, GithubEditDuringPush, type Model, Push, RemoveIssue, Sync } from './model/commands';
import { runModel } from './model/run';
import type { System } from './model/system';
import { startFakeForTests } from './github-fixture';

// The only replacements: who calls the server actions, and next/server's after() (queued, so
// the model decides when a scheduled push runs or whether it is lost). Everything else is real.
vi.mock('@/lib/auth/session', async () => {
  const { caller } = await import('./model/hooks');
  return { getSessionUser: async () => caller.current };
});
vi.mock('next/server', async (importOriginal) => {
  const { deferred } = await import('./model/hooks');
  const real = await importOriginal<typeof import('next/server')>();
  return { ...real, after: (fn: () => unknown) => void deferred.queue.push(async () => fn()) };
});

let fake: Awaited<ReturnType<typeof startFakeForTests>>;
beforeAll(async () => {
  fake = await startFakeForTests();
  process.env.GITHUB_RETRY_BASE_MS = '0';
});
afterAll(() => fake.stop());

const RUNS = Number(process.env.MODEL_RUNS ?? 200);
const FIXED_SEEDS = [1, 7, 42, 1337, 20261201];

/** One model run: random commands against the real system, then quiescence and the invariants. */
const property = fc.asyncProperty(
  fc.constantFrom('newest', 'taskbridge', 'external'),
  fc.integer({ min: 0, max: 3 }),
  fc.commands(commandArbs, { maxCommands: 20 }),
  async (policy, seeded, cmds) => {
    const { violations, report } = await runModel(fake, policy, seeded, cmds);
    if (violations.length) throw new Error(report);
  },
);

/** Runs the property; prints how many runs passed and the seed (a failure's message names seed and path). */
async function check(params: fc.Parameters<[string, number, Iterable<fc.AsyncCommand<Model, System>>]>) {
  // MODEL_SEED (+ MODEL_PATH) replays a reported failure; MODEL_TIME_LIMIT_MS caps the long run.
  const replay = process.env.MODEL_SEED ? { seed: Number(process.env.MODEL_SEED), path: process.env.MODEL_PATH, endOnFailure: true } : {};
  const limit = process.env.MODEL_TIME_LIMIT_MS ? { interruptAfterTimeLimit: Number(process.env.MODEL_TIME_LIMIT_MS), markInterruptAsFailure: false } : {};
  const started = Date.now();
  const out = await fc.check(property, { ...params, ...limit, ...replay });
  console.log(`[model] ${out.numRuns} runs, seed ${out.seed}, ${((Date.now() - started) / 1000).toFixed(0)} s${out.interrupted ? ' (time limit)' : ''}`);
  if (out.failed) throw new Error(`${fc.defaultReportMessage(out)}\n${out.errorInstance instanceof Error ? out.errorInstance.message : String(out.errorInstance)}`);
}

describe('GitHub two-way sync, model-based (fast-check)', () => {
  it.each(FIXED_SEEDS)('fixed seed %i converges', async (seed) => {
    await check({ seed, numRuns: 4 });
  }, 120_000);

  it(`${RUNS} random runs converge`, async () => {
    await check({ numRuns: RUNS });
  }, Math.max(180_000, RUNS * 2_000));
});

/** Shrunk counterexamples the model found, each kept with the fix it led to. */
describe('GitHub two-way sync, regressions found by the model', () => {
  const expectConverges = async (policy: string, seeded: number, cmds: Array<fc.AsyncCommand<Model, System>>) => {
    const { violations, report } = await runModel(fake, policy, seeded, cmds);
    expect(violations, report).toEqual([]);
  };

  it('an issue deleted before its `opened` webhook arrives is not imported (seed 42)', () =>
    expectConverges('newest', 0, [new CreateIssue(0), new RemoveIssue(0, false), new Deliver(21, 'any'), new Deliver(0, 'next')]));

  it('a crash after a page is written, before its pushes, does not lose the local edit', () =>
    expectConverges('newest', 1, [new Sync(true), new AppEdit(0, 'title', 1), new Push(true), new GithubEdit(0, 'description', 1), new Crash('sync.page-written')]));

  it('an edit on GitHub while a push is in flight reaches the task', () =>
    expectConverges('newest', 1, [new Sync(true), new AppEdit(0, 'title', 1), new GithubEditDuringPush(0, 'description', 1), new Push(false)]));

  it('an edit of a task whose issue was deleted (webhook lost) unlinks it instead of failing every sync', () =>
    expectConverges('newest', 1, [new Sync(true), new RemoveIssue(0, false), new Deliver(1, 'drop'), new AppEdit(0, 'title', 1), new Push(false)]));

  // Not a bug: GitHub went completed → not planned → completed (no webhook for a reason change), so against the
  // last agreed value only the task changed. The model now treats such A-B-A writes as no change.
  it('an A-B-A edit on GitHub does not beat a real edit in the app (long run, seed 968449029)', () =>
    expectConverges('newest', 0, [new CreateTask(2, true), new GithubEdit(0, 'status', 8), new AppEdit(0, 'status', 0), new GithubEdit(0, 'status', 1)]));

  // Not a bug: the GitHub edit of the same field lands between our read and our PATCH, which overwrites it (GitHub
  // has no conditional write). The model now accepts that the PATCH, the later write at GitHub, wins.
  it('a GitHub edit of the field our PATCH is writing is overwritten by it (long run, seed -1928288112)', () =>
    expectConverges('newest', 1, [new Crash('sync.page-written'), new AppEdit(0, 'assignees', 2), new GithubEditDuringPush(0, 'assignees', 1), new Push(false), new GithubEditDuringPush(0, 'title', 0)]));

  it('a newer GitHub label edit is not overwritten by an older app edit (long run, seed 1151337198)', () =>
    expectConverges('newest', 0, [new CreateIssue(0), new Deliver(0, 'next'), new GithubEdit(0, 'title', 0), new AppEdit(0, 'labels', 1), new GithubEdit(0, 'labels', 2), new Push(false)]));

  it('a GitHub edit between the export\'s create and close reaches the task (long run, seed 1453781874)', () =>
    expectConverges('newest', 0, [new CreateTask(6, false), new GithubEditDuringPush(0, 'title', 0), new Export(0), new Crash('sync.page-written')]));
});
