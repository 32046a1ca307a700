import fc from 'fast-check';
import type { Model } from './commands';
import { convergenceViolations, echoViolations, quiesce } from './invariants';
import { System } from './system';

type Fake = Parameters<typeof System.create>[0];

/** One model run: the commands against a fresh real system, then quiescence; returns what the invariants found. */
export async function runModel(fake: Fake, policy: string, seeded: number, cmds: Iterable<fc.AsyncCommand<Model, System>>) {
  const s = await System.create(fake, policy, seeded);
  await fc.asyncModelRun(() => ({ model: {} as Model, real: s }), cmds);
  await quiesce(s);
  const violations = [...(await convergenceViolations(s)), ...(await echoViolations(s))];
  return { violations, report: `${violations.join('\n')}\n--- policy ${policy}, ${seeded} seeded issues:\n${s.trace.join('\n')}` };
}
