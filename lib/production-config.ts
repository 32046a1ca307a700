import { httpOrigin } from './app-url';

type Env = Record<string, string | undefined>;

/** Variables a production server must be given: nothing is generated or guessed in production. */
export const REQUIRED_IN_PRODUCTION = {
  APP_URL: 'the public URL of the app (webhook URLs registered at providers, internal calls)',
  TASKBRIDGE_ENCRYPTION_KEYS: 'the keyring that encrypts stored tokens and webhook secrets',
  NEXTAUTH_SECRET: 'the secret that signs session cookies',
} as const;

/** What is missing or malformed for a production start; empty when it may start. */
export function productionConfigProblems(env: Env): string[] {
  const problems: string[] = [];
  for (const [name, meaning] of Object.entries(REQUIRED_IN_PRODUCTION)) {
    if (!env[name]?.trim()) problems.push(`${name} is not set (${meaning})`);
  }
  if (env.APP_URL?.trim() && !httpOrigin(env.APP_URL.trim())) problems.push('APP_URL is not an absolute http(s) URL');
  return problems;
}

/** Is this a production start? `next start` always runs with NODE_ENV=production. */
export function isProductionStart(mode: 'dev' | 'start', env: Env): boolean {
  return mode === 'start' || env.NODE_ENV === 'production';
}

/** The refusal printed before exiting: names every missing variable, never a value. */
export function formatProductionConfigError(problems: readonly string[]): string {
  return [
    'Taskbridge refuses to start in production without its configuration:',
    ...problems.map((p) => `  - ${p}`),
    'Set them in the environment (see README "Security"). `npm run dev` generates development values instead.',
  ].join('\n');
}
