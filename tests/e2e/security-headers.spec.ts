import type { APIResponse, Page } from '@playwright/test';
import { IntegrationPages, IntegrationsPage } from './pages/integrations-page';
import { ProjectPage } from './pages/project-page';
import { ProjectsPage } from './pages/projects-page';
import { SignInPage } from './pages/sign-in-page';
import { readE2eEnv, rememberSecret } from './support/e2e-env';
import { expect, test, uniqueLogin } from './support/fixtures';

// Issue #7 item 6: security headers on pages and webhook answers; a nonce CSP that the
// production build's own scripts satisfy.

function expectBaseHeaders(res: APIResponse): void {
  const h = res.headers();
  expect(h['x-content-type-options']).toBe('nosniff');
  expect(h['x-frame-options']).toBe('DENY');
  expect(h['referrer-policy']).toBe('strict-origin-when-cross-origin');
  // The e2e server is a production build.
  expect(h['strict-transport-security']).toBe('max-age=63072000; includeSubDomains');
}

/** The page's CSP nonce, after checking every <script> in the HTML carries exactly it. */
async function expectNoncedPage(res: APIResponse): Promise<string> {
  expect(res.status()).toBe(200);
  expectBaseHeaders(res);
  const csp = res.headers()['content-security-policy']!;
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).not.toContain('unsafe-eval');
  const scriptSrc = csp.split('; ').find((d) => d.startsWith('script-src '))!;
  expect(scriptSrc).not.toContain('unsafe-inline');
  const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(scriptSrc)?.[1];
  expect(nonce).toBeTruthy();
  const scripts = (await res.text()).match(/<script\b[^>]*>/g) ?? [];
  expect(scripts.length).toBeGreaterThan(1); // Next's runtime and its inline flight data
  for (const tag of scripts) expect(tag, tag).toContain(` nonce="${nonce}"`);
  return nonce!;
}

/** Records CSP violations (events and console errors) on the app's own origin. */
function watchCsp(page: Page): string[] {
  const { APP_URL } = readE2eEnv();
  const seen: string[] = [];
  page.on('console', (m) => {
    const ours = m.location().url.startsWith(APP_URL) || m.text().includes(` on ${APP_URL}`); // not the OIDC provider's pages
    if (m.type() === 'error' && /Content Security Policy|Refused to/i.test(m.text()) && ours) seen.push(m.text());
  });
  void page.context().addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`Content Security Policy violation: ${e.violatedDirective} ${e.blockedURI} on ${e.documentURI} from ${e.sourceFile}:${e.lineNumber}:${e.columnNumber}`));
  });
  return seen;
}

test('pages: nonce CSP on every script, new per request, plus nosniff, DENY, referrer policy, HSTS', async ({ request, signedInAs }) => {
  const first = await expectNoncedPage(await request.get('/signin'));
  const second = await expectNoncedPage(await request.get('/signin'));
  expect(second).not.toBe(first);
  const page = await signedInAs(uniqueLogin('csp-pages'));
  await expectNoncedPage(await page.request.get('/projects'));
  // next-auth's own routes and the static files carry the static headers too.
  expectBaseHeaders(await request.get('/api/auth/providers'));
  const css = /href="(\/_next\/static\/[^"]+\.css)"/.exec(await (await request.get('/signin')).text())?.[1];
  expectBaseHeaders(await request.get(css!));
});

test('Chromium reports no CSP violations on the sign-in, projects, project and integration pages', async ({ page }) => {
  test.setTimeout(180_000);
  const violations = watchCsp(page);
  const login = uniqueLogin('csp-browser');
  await new SignInPage(page).signInAs(login);
  const projects = new ProjectsPage(page);
  await projects.goto();
  const projectId = await projects.createProject(`CSP ${login.slice(-6)}`, 'Server actions under the CSP.');
  // Styles come from Tailwind's CSS file: a styled element has its computed style.
  await page.goto(`/projects/${projectId}/tasks/new`);
  await expect(page.getByRole('button', { name: 'Create task' })).toHaveCSS('color', 'rgb(255, 255, 255)');
  const project = new ProjectPage(page);
  await project.goto(projectId);
  await project.createTask({ title: 'Renders under a strict CSP', priority: 'High' });
  // A milestone's progress bar is a server-rendered style attribute (style-src 'unsafe-inline').
  const milestones = page.getByTestId('new-milestone-form');
  await milestones.getByLabel('Name').fill('Beta launch');
  await milestones.getByRole('button', { name: 'Add milestone' }).click();
  await expect(page.getByTestId('milestone-row')).toHaveCount(1);
  await page.reload();
  await expect(page.getByTestId('milestone-row')).toContainText('Beta launch');
  const integrations = new IntegrationsPage(page);
  await integrations.goto(projectId);
  const integrationId = await integrations.addIntegration('Outlook Calendar');
  // The configure form's server action and the secret reveal run under the CSP too.
  const pages = new IntegrationPages(page, projectId, integrationId);
  const token = `e2e-graph-${crypto.randomUUID()}`;
  rememberSecret('access token', token);
  await pages.configure({ token, externalId: 'primary' });
  rememberSecret('webhook secret', await pages.revealSecret());
  await page.reload();
  await expect(page.getByTestId('webhook-url')).toBeVisible();
  expect(violations).toEqual([]);
  // And the watch does see a violation: an image from another origin is refused (img-src).
  await page.evaluate(() => document.body.append(Object.assign(document.createElement('img'), { src: 'https://example.invalid/x.png' })));
  await expect.poll(() => violations.join('\n')).toContain('img-src');
});

test('webhook answers: the Graph validationToken echo and errors carry nosniff, DENY and a CSP', async ({ signedInAs }) => {
  test.setTimeout(120_000);
  const page = await signedInAs(uniqueLogin('csp-hooks'));
  const projectId = await new ProjectsPage(page).createProject(`Hooks ${Date.now().toString(36)}`);
  const integrations = new IntegrationsPage(page);
  await integrations.goto(projectId);
  await integrations.addIntegration('Outlook Calendar');
  const url = (await page.getByTestId('webhook-url').textContent())!.trim();
  expect(url).toMatch(/\/integrations\/webhooks\/outlook-calendar\/[0-9a-f-]{36}\/$/);
  const hook = page.request;

  const echo = await hook.post(`${url}?validationToken=abc`, { headers: { 'content-type': 'text/plain' } });
  expect(echo.status()).toBe(200);
  expect(await echo.text()).toBe('abc');
  expect(echo.headers()['content-type']).toBe('text/plain; charset=utf-8');
  expectBaseHeaders(echo);
  expect(echo.headers()['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'");

  const unknown = await hook.post(`${url.replace(/[0-9a-f-]{36}\/$/, crypto.randomUUID())}/?validationToken=abc`);
  expect(unknown.status()).toBe(404);
  expectBaseHeaders(unknown);
  // Graph validates with POST; a GET is not a webhook (405), and still never sniffed.
  const get = await hook.get(`${url}?validationToken=abc`);
  expect(get.status()).toBe(405);
  expect(get.headers()['x-content-type-options']).toBe('nosniff');
});
