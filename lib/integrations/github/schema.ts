import { z } from 'zod';
import { safetyThresholdSchema } from '../kit/safety-threshold';

export const conflictPolicySchema = z.enum(['newest', 'taskbridge', 'external', 'ask']).meta({
  optionLabels: {
    newest: 'The most recent edit wins',
    taskbridge: 'Taskbridge wins: the issue gets the task\'s value',
    external: 'GitHub wins: the task gets the issue\'s value',
    ask: 'Ask me: hold the field until I choose in the conflict inbox',
  },
});

export const githubSettingsSchema = z.object({
  /** When both sides changed a field since the last sync: newest change wins by default. */
  conflictPolicy: conflictPolicySchema.default('newest').meta({
    title: 'When a field was changed on both sides',
    description: 'Between two syncs, someone edited the same field in Taskbridge and on GitHub. Every such conflict is shown on the task page.',
  }),
  /** The circuit breaker: most tasks one sync may close or unlink before it pauses for the owner. */
  safetyThreshold: safetyThresholdSchema,
  /** Only import issues carrying one of these labels (empty: all issues). */
  labelFilter: z.array(z.string().trim().min(1).max(100)).max(50).default([]).meta({
    title: 'Only issues with these labels',
    description: 'Comma-separated. Empty: every issue of the repository.',
  }),
});
export type GithubSettings = z.infer<typeof githubSettingsSchema>;

/**
 * "owner/repo" as people paste it: https://github.com/owner/repo(.git)(/issues…), git@github.com:owner/repo.git,
 * github.com/owner/repo — all become owner/repo.
 */
export function normalizeGithubRepo(value: string): string {
  const v = value.trim();
  const m = /^(?:(?:https?:\/\/)?(?:www\.)?github\.com\/|git@github\.com:)([^/\s]+)\/([^/\s?#]+)/i.exec(v);
  if (!m) return v;
  return `${m[1]}/${m[2]!.replace(/\.git$/i, '')}`;
}

export const githubRepoSchema = z
  .string()
  .transform(normalizeGithubRepo)
  .pipe(z.string().regex(/^[A-Za-z0-9-]{1,39}\/[A-Za-z0-9._-]{1,100}$/, 'must look like owner/repository (or paste the repository URL)'));
