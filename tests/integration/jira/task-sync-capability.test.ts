import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { UserFacingError } from '@/lib/errors';
import { JiraConfigError } from '@/lib/integrations/jira/client';
import { ItemGoneError } from '@/lib/integrations/kit/errors';
import { jiraTaskSync as sync } from '@/lib/integrations/jira/task-sync';
import { testJiraConnection } from '@/lib/integrations/jira/test-connection';
import { JiraTransitionUnavailableError } from '@/lib/integrations/jira/write-issue';
import type { FieldMapContext } from '@/lib/integrations/types';
import { ReconnectNeededError, SyncPausedError } from '@/lib/integrations/kit/errors';
import { adfPlain } from '@/tests/fakes/jira/fake-state';
import type { FakeJira } from '@/tests/fakes/jira/server';
import { connectionFor, PROJECT, startJira } from './jira-fixture';

let fake: FakeJira & { stop: () => Promise<void> };
beforeAll(async () => {
  fake = await startJira();
});
afterAll(() => fake.stop());
beforeEach(() => {
  fake.issues.length = 0;
  fake.requests.length = 0;
  fake.workflow.clear();
  fake.faults.length = 0;
});

const map = (settings: Record<string, unknown> = {}): FieldMapContext => ({ settings, members: [] });
const ref = (issue: { id: string; key: string }) => ({ externalId: issue.id, externalKey: issue.key });
const scope = { externalId: PROJECT };

async function pullAll(connection = connectionFor(fake), cursor: Record<string, unknown> | null = null) {
  const items = [];
  let pages = 0;
  for (;;) {
    const page = await sync.pull(connection, cursor);
    pages++;
    items.push(...page.items);
    cursor = page.cursor;
    if (page.done) return { items, pages, cursor };
  }
}

describe('Jira taskSync against the fake', () => {
  it('imports 250 issues over 3 pages of search/jql and never calls the removed /search', async () => {
    fake.seedIssues(PROJECT, 250);
    const { items, pages } = await pullAll();
    expect(pages).toBe(3);
    expect(items).toHaveLength(250);
    expect(new Set(items.map((i) => sync.identify(i, scope).externalId)).size).toBe(250);
    const searches = fake.searchRequests();
    expect(searches).toHaveLength(3);
    expect(searches[0]!.body).toMatchObject({ maxResults: 100, jql: `project = "${PROJECT}" ORDER BY updated ASC` });
    expect((searches[0]!.body as { fields: string[] }).fields).toContain('summary');
    expect((searches[1]!.body as { nextPageToken?: string }).nextPageToken).toBeTruthy();
    expect(fake.requests.filter((r) => /\/rest\/api\/[23]\/search$/.test(r.path))).toHaveLength(0);
    expect(sync.identify(items[0]!, scope)).toMatchObject({ externalKey: `${PROJECT}-1`, url: `${fake.url}/browse/${PROJECT}-1` });
  });

  it('a resync with nothing changed is one request that yields nothing; after edits it yields only the edited issues', async () => {
    fake.seedIssues(PROJECT, 120);
    const first = await pullAll();
    fake.requests.length = 0;
    const again = await pullAll(connectionFor(fake), first.cursor);
    expect(again.items).toHaveLength(0);
    expect(fake.searchRequests()).toHaveLength(1);
    expect(fake.requests.filter((r) => r.path.endsWith('/myself'))).toHaveLength(0); // time zone kept in the cursor

    fake.edit(`${PROJECT}-5`, { summary: 'Edited 5' });
    fake.edit(`${PROJECT}-77`, { labels: ['hot'] });
    fake.requests.length = 0;
    const changed = await pullAll(connectionFor(fake), again.cursor);
    expect(changed.items.map((i) => i.key).sort()).toEqual([`${PROJECT}-5`, `${PROJECT}-77`]);
    expect(fake.searchRequests()).toHaveLength(1);
    expect((fake.searchRequests()[0]!.body as { jql: string }).jql).toMatch(/AND updated >= "\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}"/);
  });

  it('writes fields with PUT (description as ADF) and the status through a transition; reconciles the written id', async () => {
    const issue = fake.createIssue(PROJECT, { summary: 'Old', description: 'old body' });
    const connection = connectionFor(fake);
    const after = await sync.write(connection, ref(issue), { summary: 'New', description: 'Some **bold** text', status: 'done', priority: 'urgent', labels: ['a b'] });
    const stored = fake.find(issue.id)!;
    expect(stored.fields.summary).toBe('New');
    expect(stored.fields.description).toMatchObject({ type: 'doc', version: 1 });
    expect(adfPlain(stored.fields.description)).toBe('Some bold text');
    expect(stored.fields.status.name).toBe('Done');
    expect(stored.fields.priority.id).toBe('1');
    expect(stored.fields.labels).toEqual(['a_b']);
    expect(fake.requests.some((r) => r.method === 'POST' && r.path.endsWith('/transitions'))).toBe(true);
    expect(sync.toFields(after, map())).toMatchObject({ summary: 'New', description: 'Some **bold** text', status: 'done', priority: 'urgent' });
    await sync.pull(connection, null);
    expect(fake.reconciled.at(-1)).toContain(Number(issue.id));
  });

  it('a workflow with no transition into the wanted status: other fields are written, a clear error carries the issue', async () => {
    const issue = fake.createIssue(PROJECT, { summary: 'Locked' });
    fake.workflow.set('10000', ['3']); // To Do → In Progress only
    const err = await sync.write(connectionFor(fake), ref(issue), { summary: 'Renamed', status: 'done' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(JiraTransitionUnavailableError);
    expect((err as Error).message).toMatch(/no transition from "To Do" to a status mapped to "done"/);
    expect((err as JiraTransitionUnavailableError).item.fields.summary).toBe('Renamed');
    expect(fake.find(issue.id)!.fields.status.name).toBe('To Do');
    // the status the map names is reachable: it is used
    await sync.write(connectionFor(fake), ref(issue), { status: 'in_progress' });
    expect(fake.find(issue.id)!.fields.status.name).toBe('In Progress');
  });

  it('the status map picks the transition: "done" may mean Won’t Do when mapped so', async () => {
    const issue = fake.createIssue(PROJECT, { summary: 'x' });
    const settings = { statusMap: { '10003': 'cancelled' } };
    await sync.write(connectionFor(fake, { settings }), ref(issue), { status: 'cancelled' });
    expect(fake.find(issue.id)!.fields.status.name).toBe("Won't Do");
    expect(sync.toFields(await sync.fetch(connectionFor(fake, { settings }), ref(issue)), map(settings)).status).toBe('cancelled');
  });

  it('creates an issue with the configured type and required fields from createmeta; a missing required field is a clear error', async () => {
    const fields = sync.fromTask(
      { title: 'Export me', description: '# Heading\n\ntext', status: 'in_progress', priority: 'high', labels: ['x'], assigneeIds: [], externalAssignees: [], dueDate: '2026-12-31' },
      map(),
    );
    const { item: created, createdAt } = await sync.create(connectionFor(fake), fields, { milestone: null });
    expect(createdAt).toBeTruthy();
    const stored = fake.find(created.id)!;
    expect(stored).toMatchObject({ key: `${PROJECT}-1` });
    expect(stored.fields).toMatchObject({ summary: 'Export me', labels: ['x'], duedate: '2026-12-31', issuetype: { name: 'Task' }, priority: { id: '2' } });
    expect(stored.fields.status.name).toBe('In Progress');

    const story = await sync.create(connectionFor(fake, { settings: { issueType: 'Story' } }), fields, { milestone: null }).catch((e: unknown) => e);
    expect(story).toBeInstanceOf(UserFacingError);
    expect((story as Error).message).toMatch(/requires "Team" for a Story/);
    const unknown = await sync.create(connectionFor(fake, { settings: { issueType: 'Epic' } }), fields, { milestone: null }).catch((e: unknown) => e);
    expect((unknown as Error).message).toMatch(/Issue type "Epic" cannot be created.*available: Task, Bug, Story/);
  });

  it('429 with Retry-After pauses the sync; 401 asks for a reconnect; 404 on fetch is gone', async () => {
    fake.seedIssues(PROJECT, 3);
    fake.faults.push({ status: 429, retryAfter: 30, match: (_m, p) => p.endsWith('/search/jql') });
    const before = Date.now();
    const paused = await sync.pull(connectionFor(fake), { timeZone: 'UTC' }).catch((e: unknown) => e);
    expect(paused).toBeInstanceOf(SyncPausedError);
    expect((paused as SyncPausedError).resumeAt.getTime()).toBeGreaterThanOrEqual(before + 29_000);
    const refused = await sync.pull(connectionFor(fake, { token: 'wrong' }), null).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ReconnectNeededError);
    await expect(sync.fetch(connectionFor(fake), { externalId: '99999', externalKey: 'PROJ-999' })).rejects.toBeInstanceOf(ItemGoneError);
  });

  it('OAuth: Bearer against the gateway /ex/jira/{cloudId}', async () => {
    fake.seedIssues(PROJECT, 2);
    const { items } = await pullAll(connectionFor(fake, { oauth: true }));
    expect(items).toHaveLength(2);
    expect(fake.requests.every((r) => r.path.startsWith(`/ex/jira/${fake.cloudId}/`))).toBe(true);
  });

  it('refuses sites outside atlassian.net and the allow-list before any request', async () => {
    const bad = { ...connectionFor(fake), settings: { siteUrl: 'https://evil.example.com', email: 'a@b.c' } };
    await expect(sync.pull(bad, null)).rejects.toBeInstanceOf(JiraConfigError);
    expect(fake.requests).toHaveLength(0);
  });

  it('test connection: myself and the project', async () => {
    expect(await testJiraConnection(connectionFor(fake))).toMatchObject({ ok: true, externalName: `${PROJECT} · ${PROJECT} project` });
    expect(await testJiraConnection({ ...connectionFor(fake), externalId: 'NOPE' })).toMatchObject({ ok: false, problem: 'not_found' });
    expect(await testJiraConnection(connectionFor(fake, { token: 'bad' }))).toMatchObject({ ok: false, problem: 'reconnect_needed' });
    expect(await testJiraConnection(connectionFor(fake, { token: null }))).toMatchObject({ ok: false, problem: 'reconnect_needed' });
  });
});

