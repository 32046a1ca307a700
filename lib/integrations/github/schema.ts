import { z } from 'zod';

export const conflictPolicySchema = z.enum(['newest', 'taskbridge', 'external']);

export const githubSettingsSchema = z.object({
  /** When both sides changed a field since the last sync: newest change wins by default. */
  conflictPolicy: conflictPolicySchema.default('newest'),
  /** Only import issues carrying one of these labels (empty: all issues). */
  labelFilter: z.array(z.string().trim().min(1).max(100)).max(50).default([]),
});
export type GithubSettings = z.infer<typeof githubSettingsSchema>;

export const githubRepoSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9-]{1,39}\/[A-Za-z0-9._-]{1,100}$/, 'must look like owner/repository');
