import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { integrationProviders, milestones, projectIntegrations, projectMembers, projects, users } from '../../db/schema';
import { integrationSecret } from '../../db/queries/integrations';
import { encryptSecret } from '../../lib/crypto/secrets';
import type { ProviderType } from '../../lib/integrations/provider-types';

/**
 * FOR BENCHMARKING ONLY (scripts/bench-pages.ts): one project with 10 integrations, 100k
 * integration log rows, 100k webhook deliveries and 10k tasks, written with INSERT … SELECT
 * generate_series. Attributes follow g / 2 so both halves get every value. Half of the logs and deliveries belong to the first (GitHub) integration,
 * the "busy" one the benchmark reads; the rest are spread over the other nine. Statuses,
 * kinds and events follow plausible proportions; times are spread over the last 30 days.
 */
export type SeedCounts = { integrations: number; logs: number; deliveries: number; tasks: number };
export type Seeded = { userId: string; email: string; projectId: string; busyIntegrationId: string };

const INTEGRATIONS: Array<[ProviderType, string]> = [
  ['github', 'acme/api'], ['github', 'acme/web'], ['github', 'acme/mobile'], ['github', 'acme/infra'],
  ['jira', 'ACME'], ['jira', 'OPS'], ['slack', 'C0123456'], ['slack', 'C0654321'],
  ['google-calendar', 'team@acme.test'], ['outlook-calendar', 'release-calendar'],
];

export async function seedPages(db: Db, counts: SeedCounts): Promise<Seeded> {
  const email = `bench-${randomUUID()}@example.test`;
  const [user] = await db.insert(users).values({ email, name: 'Bench User' }).returning();
  const [project] = await db.insert(projects).values({ name: 'Bench pages', createdBy: user!.id }).returning();
  await db.insert(projectMembers).values({ projectId: project!.id, userId: user!.id, role: 'owner' });
  const providerRows = await db.select().from(integrationProviders);
  const providerId = (slug: ProviderType) => providerRows.find((p) => p.providerType === slug)!.id;
  const created = [];
  for (const [i, [slug, externalId]] of INTEGRATIONS.slice(0, counts.integrations).entries()) {
    const id = randomUUID();
    const [row] = await db
      .insert(projectIntegrations)
      .values({
        projectId: project!.id,
        providerId: providerId(slug),
        externalId,
        createdBy: user!.id,
        id,
        webhookSecret: await encryptSecret(randomUUID(), integrationSecret(id, 'webhook_secret')),
        connectionStatus: i === 7 ? 'reconnect_needed' : 'connected',
        syncEnabled: i % 3 !== 2,
        syncStatus: i === 5 ? 'error' : 'success',
        lastSyncAt: new Date(Date.now() - i * 3_600_000),
        createdAt: new Date(Date.now() - 40 * 86_400_000 + i * 1000),
      })
      .returning();
    created.push(row!);
  }
  const pid = project!.id;
  // Integration number n (1-based, by creation): even series numbers go to n = 1, the rest round-robin.
  const pick = (g: string) => sql.raw(`case when ${g} % 2 = 0 then 1 else 2 + (${g} / 2) % ${Math.max(1, created.length - 1)} end`);
  const ints = sql`(select id, provider_id, row_number() over (order by created_at, id) as n from project_integrations where project_id = ${pid})`;
  const spread = (g: string) => sql.raw(`now() - (((${g}::bigint * 2654435761) % 2592000000) * interval '1 millisecond')`);

  await db.execute(sql`
    insert into integration_logs (integration_id, provider_id, action_type, status, description, details, duration_ms, timestamp)
    select i.id, i.provider_id,
      (array['sync','sync','sync','webhook','webhook','webhook','api_call','api_call','export','auth','config','error'])[1 + (g / 2) % 12]::log_action,
      (case when (g / 2) % 20 = 0 then 'error' when (g / 2) % 20 in (1, 2) then 'warning' when (g / 2) % 10 = 3 then 'info' else 'success' end)::log_status,
      case g % 4 when 0 then 'Imported ' || (g % 97) || ' issues (page ' || (g % 13) || ')'
                 when 1 then 'Processed delivery bench-' || g
                 when 2 then 'GET /repos/acme/api/issues answered 200'
                 else 'Exported task #' || (g % 5000) || ' to the provider' end,
      jsonb_build_object('requestId', md5(g::text), 'page', g % 13, 'remaining', 5000 - g % 5000),
      (g * 37) % 4000,
      ${spread('g')}
    from generate_series(1, ${counts.logs}) g
    join ${ints} i on i.n = ${pick('g')}`);

  await db.execute(sql`
    insert into integration_webhooks (integration_id, provider_id, delivery_id, event_type, event_action, payload, headers, status, processed, attempts, result, error, received_at, processed_at)
    select i.id, i.provider_id, 'bench-' || g, e.event, e.action,
      jsonb_build_object('action', e.action, 'number', g % 5000,
        'issue', jsonb_build_object('number', g % 5000, 'title', 'Issue title number ' || (g % 5000), 'state', 'open',
          'body', repeat('Steps to reproduce and what was expected. ', 8), 'labels', jsonb_build_array('bug', 'p' || (g % 4))),
        'repository', jsonb_build_object('full_name', 'acme/api', 'private', true),
        'sender', jsonb_build_object('login', 'user' || (g % 40))),
      jsonb_build_object('user-agent', 'GitHub-Hookshot/bench', 'x-github-event', e.event, 'x-github-delivery', 'bench-' || g, 'x-hub-signature-256', '[redacted]'),
      s.status::webhook_status, s.status in ('processed', 'no_handler'), s.attempts,
      case when s.status = 'processed' then jsonb_build_object('tasksUpdated', g % 3) end,
      case when s.status = 'failed' then 'GitHub answered 502 Bad Gateway' end,
      ${spread('g')} as received_at,
      case when s.status in ('processed', 'no_handler', 'failed') then ${spread('g')} + interval '2 seconds' end
    from generate_series(1, ${counts.deliveries}) g
    join ${ints} i on i.n = ${pick('g')}
    cross join lateral (select (array['issues','issues','issue_comment','pull_request','push','ping'])[1 + (g / 2) % 6] as event,
                               (array['opened','edited','closed','created','synchronize',null])[1 + (g / 12) % 6] as action) e
    cross join lateral (select case when (g / 2) % 25 = 0 then 'failed' when (g / 2) % 25 = 1 then 'no_handler' when (g / 2) % 50 = 2 then 'pending'
                                    else 'processed' end as status,
                               case when (g / 2) % 25 = 0 then 5 else 1 end as attempts) s`);

  const milestoneRows = await db
    .insert(milestones)
    .values(['v1.0', 'v1.1', 'v2.0', 'Backlog grooming', 'Q3'].map((title) => ({ projectId: pid, title })))
    .returning();
  const milestoneIds = sql.raw(`array[${milestoneRows.map((m) => `'${m.id}'::uuid`).join(',')}]`);
  await db.execute(sql`
    insert into tasks (project_id, title, description, status, priority, labels, assignee_ids, external_assignees, due_date, milestone_id, created_by, created_at, updated_at)
    select ${pid}, 'Task ' || g || ': ' || (array['Fix login redirect','Add export to CSV','Update dependencies','Write release notes','Investigate slow query'])[1 + g % 5],
      repeat('Some context about the task. ', 1 + g % 6),
      (array['todo','todo','in_progress','done','done','done','cancelled'])[1 + g % 7]::task_status,
      (array['low','medium','medium','high','urgent'])[1 + g % 5]::task_priority,
      case g % 3 when 0 then array['bug'] when 1 then array['feature','ui'] else '{}'::text[] end,
      case when g % 2 = 0 then array[${user!.id}::uuid] else '{}'::uuid[] end,
      case when g % 5 = 0 then array['octocat'] else '{}'::text[] end,
      case when g % 4 = 0 then (current_date + (g % 60 - 20))::date end,
      case when g % 3 = 0 then (${milestoneIds})[1 + g % ${milestoneRows.length}] end,
      ${user!.id}, ${spread('g')}, ${spread('g')}
    from generate_series(1, ${counts.tasks}) g`);
  await db.execute(sql`analyze`);
  return { userId: user!.id, email, projectId: pid, busyIntegrationId: created[0]!.id };
}
