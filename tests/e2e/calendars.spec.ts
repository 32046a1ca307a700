import { IntegrationPages, IntegrationsPage } from './pages/integrations-page';
import { ProjectPage } from './pages/project-page';
import { ProjectsPage } from './pages/projects-page';
import { E2E_GOOGLE_TOKEN, E2E_GRAPH_TOKEN } from './support/calendar-fakes';
import { readE2eEnv, rememberSecret } from './support/e2e-env';
import { claimsForLogin, expect, test, uniqueLogin } from './support/fixtures';
import { screenshot } from './support/screenshots';

const day = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
type FakeEvent = { key: string | null; summary?: string; subject?: string; start: { date?: string; dateTime?: string } };
const fakeBase = (apiBaseUrl: string) => new URL(apiBaseUrl).origin;
async function events(apiBaseUrl: string): Promise<FakeEvent[]> {
  return ((await (await fetch(`${fakeBase(apiBaseUrl)}/_fake/events`)).json()) as { events: FakeEvent[] }).events;
}

// Issue #13 against the Google Calendar and Graph fakes: deadlines become events in both;
// an event moved in Google becomes a proposal on the task; accepting moves the due date.
test('calendars: deadlines as events in Google and Outlook; a moved event → a proposal → accepted', async ({ signedInAs }) => {
  test.setTimeout(180_000);
  const { GOOGLE_CALENDAR_API_URL: google, MICROSOFT_GRAPH_API_URL: graph } = readE2eEnv();
  expect(google && graph, 'the e2e server started the calendar fakes').toBeTruthy();
  const owner = claimsForLogin(uniqueLogin('cal-owner'));
  const page = await signedInAs(owner.sub);
  const projects = new ProjectsPage(page);
  const project = new ProjectPage(page);
  await projects.goto();
  const projectId = await projects.createProject(`Calendars ${owner.sub.slice(-6)}`, 'Deadlines in calendars.');
  const milestone = `Beta ${owner.sub.slice(-6)}`;
  const taskTitle = `Launch post ${owner.sub.slice(-6)}`;

  await test.step('a milestone and a task with a due date, made in the UI', async () => {
    const form = page.getByTestId('new-milestone-form');
    await form.getByLabel('Name').fill(milestone);
    await form.getByLabel('Target date').fill(day(20));
    await form.getByRole('button', { name: 'Add milestone' }).click();
    await expect(page.getByTestId('milestone-row').filter({ hasText: milestone })).toBeVisible();
    await project.createTask({ title: taskTitle, dueDate: day(10) });
  });

  await test.step('connect Google (a new dedicated calendar) and Outlook: both show the events', async () => {
    await project.openIntegrations();
    for (const [name, token, externalId] of [['Google Calendar', E2E_GOOGLE_TOKEN, 'new'], ['Outlook Calendar', E2E_GRAPH_TOKEN, 'primary']] as const) {
      await new IntegrationsPage(page).goto(projectId);
      const integrationId = await new IntegrationsPage(page).addIntegration(name);
      const pages = new IntegrationPages(page, projectId, integrationId);
      rememberSecret('access token', token);
      await expect(await pages.configure({ token, externalId })).toContainText('Saved and connected');
      rememberSecret('webhook secret', await pages.revealSecret()); // the channel token / clientState
    }
    await expect.poll(async () => (await events(google!)).map((e) => e.summary)).toEqual(expect.arrayContaining([`◆ ${milestone}`, taskTitle]));
    await expect.poll(async () => (await events(graph!)).map((e) => e.subject)).toEqual(expect.arrayContaining([`◆ ${milestone}`, taskTitle]));
    const m = (await events(google!)).find((e) => e.summary === `◆ ${milestone}`)!;
    expect(m.start).toEqual({ date: day(20) });
  });

  await test.step('the task event moved in Google → a proposal on the task → accepting changes the due date', async () => {
    const ev = (await events(google!)).find((e) => e.summary === taskTitle)!;
    const moved = await fetch(`${fakeBase(google!)}/_fake/move`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ key: ev.key, start: { date: day(12) }, end: { date: day(13) } }),
    });
    expect(moved.ok).toBe(true);
    const taskId = ev.key!.split(':')[1]!;
    await page.goto(`/projects/${projectId}/tasks/${taskId}`);
    const proposal = page.getByTestId('calendar-proposal');
    await expect(async () => {
      await page.reload();
      await expect(proposal).toContainText(day(12), { timeout: 1000 });
    }).toPass({ timeout: 30_000 });
    await screenshot(page, 'calendar-proposal');
    await proposal.getByRole('button', { name: 'Accept new date' }).click();
    await expect(proposal).toHaveCount(0);
    await page.reload();
    await expect(page.getByTestId('edit-task-form').getByLabel('Due date')).toHaveValue(day(12));
  });
});
