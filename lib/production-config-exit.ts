import { formatProductionConfigError, productionConfigProblems } from './production-config';

/** Node server start (instrumentation.ts): a production server without its configuration exits. */
export function exitOnProductionConfigProblems(env: Record<string, string | undefined> = process.env): void {
  if (env.NODE_ENV !== 'production' || env.NEXT_PHASE === 'phase-production-build') return;
  const problems = productionConfigProblems(env);
  if (problems.length === 0) return;
  console.error(formatProductionConfigError(problems));
  process.exit(1);
}
