import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests in Debian's Chromium (never `npx playwright install`) against the
 * production build, served with a local OIDC provider and a fresh database by
 * tests/e2e/support/serve.ts. See tests/e2e/README.md.
 */
const port = Number(process.env.E2E_PORT || 3210);
process.env.E2E_PORT = String(port);
const baseURL = `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results',
  fullyParallel: false,
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 60_000,
  // Two shared cores: a server action under load can take seconds.
  expect: { timeout: 15_000 },
  // The list reporter ends with the pass/fail summary line CI reads.
  reporter: [['list']],
  use: {
    baseURL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
  projects: [
    // Every spec; afterwards the teardown project dumps the database and looks for secrets.
    { name: 'chromium', testMatch: /.*\.spec\.ts/, teardown: 'database dump' },
    { name: 'database dump', testMatch: /.*\.teardown\.ts/ },
  ],
  webServer: {
    command: 'node --import tsx tests/e2e/support/serve.ts',
    url: `${baseURL}/signin`,
    // A cold `next build` on two cores takes minutes.
    timeout: 15 * 60_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    stderr: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 20_000 },
  },
});
