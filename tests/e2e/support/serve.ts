import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { startSmtpInbox } from '../../helpers/smtp-inbox';
import { startTestDatabase } from '../../setup/test-database';
import { resetArtifacts, serverLogFile, writeE2eEnv } from './e2e-env';
import { startOidcServer } from './oidc-server';
import { startCalendarFakes } from './calendar-fakes';

/**
 * The e2e web server (Playwright `webServer`): a local OIDC provider, a fresh migrated
 * database (PGlite, or a new database on TEST_DATABASE_URL), the GitHub fake when it
 * exists, then the PRODUCTION build of the app (`next build` if stale, `next start`).
 */
const root = process.cwd();
const port = Number(process.env.E2E_PORT || 3210);
const appUrl = `http://127.0.0.1:${port}`;
const random = () => Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString('base64url');
// Builds of this tree are serialised machine-wide; a running server holds the lock shared.
const lockFile = path.join(os.tmpdir(), 'tb', 'build.lock');
fs.mkdirSync(path.dirname(lockFile), { recursive: true });

resetArtifacts();
process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));
const cleanups: Array<() => Promise<void>> = [];
let server: ChildProcess | undefined;
let stopped: Promise<never> | undefined;

const clientId = 'taskbridge-e2e';
const clientSecret = random();
const oidc = await startOidcServer({ clientId, clientSecret, redirectUri: `${appUrl}/api/auth/callback/oidc` });
cleanups.push(oidc.close);
console.log(`[e2e] OIDC provider ${oidc.issuer}`);

// Before the database: initProviders stores each provider's API base URL from env.
const githubApiUrl = await startGithubFake();
if (githubApiUrl) process.env.GITHUB_API_URL = githubApiUrl;
const jiraEnv = await startJiraFake();
Object.assign(process.env, jiraEnv);

// --- OAuth fakes (issue #10): every provider's authorize/token/revoke on one port; the app gets
// their endpoint bases and client credentials, and a fast in-process refresh timer.
const oauthFake = await startOAuthFake();

// The calendar fakes (Google Calendar, Microsoft Graph): their base URLs go to initProviders too.
const calendarFakes = await startCalendarFakes();
cleanups.push(calendarFakes.stop);
Object.assign(process.env, calendarFakes.env);

// A real SMTP server: alert emails land in .artifacts/mail/ for the specs to read.
const mailDir = path.join(root, 'tests', 'e2e', '.artifacts', 'mail');
const inbox = await startSmtpInbox({ dir: mailDir });
cleanups.push(inbox.stop);

// The Slack fake: the app's Slack Web API; its oauth.v2.access and auth.revoke go to the OAuth fake.
const slackApiUrl = await startSlackFake(oauthFake?.url);
if (slackApiUrl) process.env.SLACK_API_URL = slackApiUrl;

const database = await startTestDatabase('e2e');
cleanups.push(database.stop);
console.log(`[e2e] database: ${database.kind}`);

const encryptionKeys = `e2e1:${random()}`;

const appEnv: NodeJS.ProcessEnv = {
  ...process.env,
  ...database.env,
  TASKBRIDGE_ENCRYPTION_KEYS: encryptionKeys,
  NEXTAUTH_SECRET: random(),
  NEXTAUTH_URL: appUrl,
  APP_URL: appUrl,
  AUTH_OIDC_ISSUER: oidc.issuer,
  AUTH_OIDC_ID: clientId,
  AUTH_OIDC_SECRET: clientSecret,
  AUTH_OIDC_NAME: 'Test SSO',
  NEXT_TELEMETRY_DISABLED: '1',
  NODE_ENV: 'production',
  SMTP_URL: inbox.url,
  SMTP_FROM: 'Taskbridge <alerts@taskbridge.test>',
  // The fake needs no spacing between writes (real GitHub's secondary limits do).
  ...(githubApiUrl ? { GITHUB_API_URL: githubApiUrl, GITHUB_WRITE_INTERVAL_MS: '0' } : {}),
  ...calendarFakes.env,
  ...jiraEnv,
  ...(slackApiUrl ? { SLACK_API_URL: slackApiUrl } : {}),
};
if (oauthFake) Object.assign(appEnv, oauthFake.env, { OAUTH_REFRESH_INTERVAL_MS: '2000' });
if (slackApiUrl) appEnv.SLACK_API_URL = slackApiUrl; // the Slack fake, which hands OAuth methods to the OAuth fake
// Jobs run in-process: no Inngest server in the e2e run.
delete appEnv.INNGEST_EVENT_KEY;
delete appEnv.INNGEST_DEV;

writeE2eEnv({
  APP_URL: appUrl,
  AUTH_OIDC_ISSUER: oidc.issuer,
  DATABASE_URL: database.env.DATABASE_URL,
  NEON_WS_PROXY: database.env.NEON_WS_PROXY,
  DATABASE_KIND: database.kind,
  TASKBRIDGE_ENCRYPTION_KEYS: encryptionKeys,
  MAIL_DIR: mailDir,
  ...(githubApiUrl ? { GITHUB_API_URL: githubApiUrl } : {}),
  ...(oauthFake ? { FAKE_OAUTH_URL: oauthFake.url } : {}),
  ...calendarFakes.env,
  ...jiraEnv,
  ...(slackApiUrl ? { SLACK_API_URL: slackApiUrl } : {}),
});

const build = spawnSync(
  'flock',
  [lockFile, process.execPath, '--import', 'tsx', path.join(import.meta.dirname, 'build-if-stale.ts')],
  { stdio: 'inherit', cwd: root, env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } },
);
if (build.status !== 0) await shutdown(build.status ?? 1);

const nextBin = createRequire(import.meta.url).resolve('next/dist/bin/next');
const deadline = path.join(root, 'scripts', 'request-deadline.cjs'); // as npm start does
server = spawn('flock', ['-s', lockFile, process.execPath, '--require', deadline, nextBin, 'start', '-H', '127.0.0.1', '-p', String(port)], {
  stdio: ['ignore', 'pipe', 'pipe'],
  cwd: root,
  env: appEnv,
});
// Shown as before, and kept in .artifacts/server.log for specs that read the server's output.
for (const [from, to] of [[server.stdout, process.stdout], [server.stderr, process.stderr]] as const) {
  from?.on('data', (chunk: Buffer) => {
    to.write(chunk);
    fs.appendFileSync(serverLogFile, chunk, { mode: 0o600 });
  });
}
server.on('exit', (code) => void shutdown(code ?? 1));

// The GitHub fake (helper module tests/fakes/github/server.ts), when present: its base URL.
async function startGithubFake(): Promise<string | undefined> {
  const file = path.join(root, 'tests', 'fakes', 'github', 'server.ts');
  if (!fs.existsSync(file)) return undefined;
  const mod = (await import(pathToFileURL(file).href)) as {
    startFakeGithub: (opts: { port: number }) => Promise<{ url?: string; port?: number; close?: () => Promise<void>; stop?: () => Promise<void> }>;
  };
  const fake = await mod.startFakeGithub({ port: 0 });
  const stop = fake.close ?? fake.stop;
  if (stop) cleanups.push(() => stop.call(fake));
  const url = fake.url ?? `http://127.0.0.1:${fake.port}`;
  console.log(`[e2e] GitHub fake ${url}`);
  return url;
}

// The OAuth fakes (tests/fakes/oauth/server.ts), when present: their URL and the app's env for them.
async function startOAuthFake(): Promise<{ url: string; env: Record<string, string> } | undefined> {
  const file = path.join(root, 'tests', 'fakes', 'oauth', 'server.ts');
  if (!fs.existsSync(file)) return undefined;
  const mod = (await import(pathToFileURL(file).href)) as typeof import('../../fakes/oauth/server');
  const fake = await mod.startFakeOAuth();
  cleanups.push(fake.stop);
  // initProviders (with the database) reads the API bases from this process's env: SLACK_API_URL among them.
  for (const [k, v] of Object.entries(fake.env)) if (k.endsWith('_API_URL')) process.env[k] ??= v;
  console.log(`[e2e] OAuth fakes ${fake.url}`);
  return { url: fake.url, env: fake.env };
}

// The Jira fake (tests/fakes/jira/server.ts), when present: the app's Jira base, and its loopback
// site allowed for this run only (the SSRF rules refuse it otherwise).
async function startJiraFake(): Promise<Record<string, string>> {
  const file = path.join(root, 'tests', 'fakes', 'jira', 'server.ts');
  if (!fs.existsSync(file)) return {};
  const mod = (await import(pathToFileURL(file).href)) as {
    startFakeJira: (opts: { port: number }) => Promise<{ url: string; stop: () => Promise<void> }>;
  };
  const fake = await mod.startFakeJira({ port: 0 });
  cleanups.push(() => fake.stop());
  console.log(`[e2e] Jira fake ${fake.url}`);
  return { JIRA_API_URL: fake.url, JIRA_ALLOWED_BASE_URLS: fake.url, JIRA_ALLOW_PRIVATE_ADDRESSES: '1', FAKE_JIRA_URL: fake.url };
}

// The Slack fake (tests/fakes/slack/server.ts), when present: its Web API base URL (…/api).
async function startSlackFake(oauthUrl?: string): Promise<string | undefined> {
  const file = path.join(root, 'tests', 'fakes', 'slack', 'server.ts');
  if (!fs.existsSync(file)) return undefined;
  const mod = (await import(pathToFileURL(file).href)) as {
    startFakeSlack: (opts: { port: number; oauthUrl?: string }) => Promise<{ apiUrl: string; stop: () => Promise<void> }>;
  };
  const fake = await mod.startFakeSlack({ port: 0, oauthUrl });
  cleanups.push(() => fake.stop());
  console.log(`[e2e] Slack fake ${fake.apiUrl}`);
  return fake.apiUrl;
}

// flock does not pass signals on: stop its child (next start) first, then flock itself.
function stopTree(pid: number): void {
  let children: string[] = [];
  try {
    children = fs.readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean);
  } catch {
    // already gone
  }
  for (const target of [...children.map(Number), pid]) {
    try {
      process.kill(target, 'SIGTERM');
    } catch {
      // already gone
    }
  }
}

// Once, whoever asks first (a signal, next exiting, a failed build); later calls wait for it.
function shutdown(code: number): Promise<never> {
  stopped ??= (async () => {
    if (server?.pid && server.exitCode === null) stopTree(server.pid);
    for (const cleanup of cleanups.reverse()) {
      await cleanup().catch((err: unknown) => console.error('[e2e] cleanup failed:', err instanceof Error ? err.message : err));
    }
    console.log('[e2e] stopped');
    process.exit(code);
  })();
  return stopped;
}
