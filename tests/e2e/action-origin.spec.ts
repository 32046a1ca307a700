import { serverLogSince, serverLogSize } from './support/e2e-env';
import { expect, test, uniqueLogin } from './support/fixtures';

// Issue #7 item 11: a server-action POST from another origin is refused with a 403 by
// proxy.ts (Next.js alone answers 500 and logs an error), with no stack trace in the log.
test('foreign, null and unparsable Origins on server-action posts get 403 and leave no stack trace', async ({ signedInAs }) => {
  const page = await signedInAs(uniqueLogin('origin'));
  const since = serverLogSize();
  const attempts: Array<Record<string, string>> = [
    { origin: 'https://evil.example', 'next-action': '7f'.padEnd(42, '0') },
    { origin: 'null', 'next-action': '7f'.padEnd(42, '0') },
    { origin: 'http://[not-an-origin', 'next-action': '7f'.padEnd(42, '0') },
    // A no-JS server action (a plain form post) from another site.
    { origin: 'https://evil.example', 'content-type': 'multipart/form-data; boundary=x' },
  ];
  for (const headers of attempts) {
    const res = await page.request.post('/projects/new', { headers, data: '--x--\r\n' });
    expect(res.status(), JSON.stringify(headers)).toBe(403);
    expect(await res.text()).toMatch(/^Forbidden: (foreign|opaque|unparsable) Origin/);
    expect(res.headers()['x-content-type-options']).toBe('nosniff');
  }
  // The app is still up and the session still works.
  expect((await page.request.get('/projects')).status()).toBe(200);
  await page.waitForTimeout(500); // let the server flush its output
  const log = serverLogSince(since);
  expect(log).not.toMatch(/^\s+at /m);
  expect(log).not.toContain('Invalid Server Actions request');
  expect(log).not.toMatch(/\bError\b/);
});
