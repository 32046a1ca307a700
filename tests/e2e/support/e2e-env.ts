import fs from 'node:fs';
import path from 'node:path';

/** Where the e2e server leaves what specs need to reach the same run (git-ignored). */
export const artifactsDir = path.join(process.cwd(), 'tests', 'e2e', '.artifacts');
const envFile = path.join(artifactsDir, 'env.json');
const secretsFile = path.join(artifactsDir, 'secrets.jsonl');
/** Everything `next start` writes to stdout and stderr during the run. */
export const serverLogFile = path.join(artifactsDir, 'server.log');

/** What serve.ts shares with specs: the app URL, the run's database and any fake providers. */
export type E2eEnv = {
  /** Where the e2e SMTP server writes each message it receives (<n>.json: from, to, raw). */
  MAIL_DIR?: string;
  APP_URL: string;
  AUTH_OIDC_ISSUER: string;
  DATABASE_URL: string;
  NEON_WS_PROXY: string;
  /** Real PostgreSQL (TEST_DATABASE_URL) or the in-memory PGlite. */
  DATABASE_KIND: 'postgresql' | 'pglite';
  TASKBRIDGE_ENCRYPTION_KEYS: string;
  /** Set when tests/fakes/github/server.ts exists and serve.ts started it. */
  GITHUB_API_URL?: string;
  /** Set when tests/fakes/oauth/server.ts exists: the OAuth fakes (and their /_control/ endpoints). */
  FAKE_OAUTH_URL?: string;
  /** The calendar fakes (tests/e2e/support/calendar-fakes.ts). */
  GOOGLE_CALENDAR_API_URL?: string;
  MICROSOFT_GRAPH_API_URL?: string;
  /** Set when tests/fakes/jira/server.ts exists: the fake's base (site and OAuth gateway). */
  JIRA_API_URL?: string;
  FAKE_JIRA_URL?: string;
  JIRA_ALLOWED_BASE_URLS?: string;
  JIRA_ALLOW_PRIVATE_ADDRESSES?: string;
  /** Set when tests/fakes/slack/server.ts exists: the fake's Web API base (`<fake>/api`). */
  SLACK_API_URL?: string;
};

export function writeE2eEnv(env: E2eEnv): void {
  fs.mkdirSync(artifactsDir, { recursive: true });
  fs.writeFileSync(envFile, JSON.stringify(env, null, 2), { mode: 0o600 });
}

/** Read by specs at run time; the server writes it before it answers its first request. */
export function readE2eEnv(): E2eEnv {
  if (!fs.existsSync(envFile)) throw new Error(`${envFile} is missing: is the e2e web server (tests/e2e/support/serve.ts) running?`);
  return JSON.parse(fs.readFileSync(envFile, 'utf8')) as E2eEnv;
}

/** Starts a run with no leftovers from the previous one. */
export function resetArtifacts(): void {
  fs.rmSync(envFile, { force: true });
  fs.rmSync(secretsFile, { force: true });
  fs.rmSync(serverLogFile, { force: true });
}

/** Bytes of server output so far: pass to serverLogSince() to read what a step printed. */
export function serverLogSize(): number {
  return fs.existsSync(serverLogFile) ? fs.statSync(serverLogFile).size : 0;
}

export function serverLogSince(offset: number): string {
  if (!fs.existsSync(serverLogFile)) return '';
  return fs.readFileSync(serverLogFile).subarray(offset).toString('utf8');
}

/**
 * Every plaintext secret a spec typed or saw (access tokens, revealed webhook secrets);
 * the dump spec asserts none of them is stored anywhere in the database.
 */
export function rememberSecret(label: string, value: string): void {
  fs.mkdirSync(artifactsDir, { recursive: true });
  fs.appendFileSync(secretsFile, `${JSON.stringify({ label, value })}\n`, { mode: 0o600 });
}

export function rememberedSecrets(): Array<{ label: string; value: string }> {
  if (!fs.existsSync(secretsFile)) return [];
  return fs
    .readFileSync(secretsFile, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { label: string; value: string });
}
