import { sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { dispatchLocalChange } from './dispatch-change';

type Row = { id: string; project_id: string };

/**
 * Milestones whose deadline is near or here become local changes, once per milestone, state
 * and due date (moving the date makes them due again): `milestone.updated` with the field
 * `dueSoon` (due within the next 2 days in the project's time zone) or `reached` (due today or
 * yesterday — older deadlines are not announced late). The fan-out then notifies (Slack's
 * "milestone due soon / reached"). Runs hourly (Inngest cron, or the in-process timer).
 */
export async function recordMilestoneDeadlines(db: Db, now: Date = new Date()): Promise<number> {
  const at = now.toISOString();
  const states = [
    { field: 'dueSoon', when: sql`m.due_date > local.today and m.due_date <= local.today + 2` },
    { field: 'reached', when: sql`m.due_date <= local.today and m.due_date >= local.today - 1` },
  ];
  let recorded = 0;
  for (const { field, when } of states) {
    const result = (await db.execute(sql`
      insert into local_changes (kind, project_id, milestone_id, fields, after)
      select 'milestone.updated', m.project_id, m.id, array[${field}]::text[],
             jsonb_build_object('title', m.title, 'dueDate', m.due_date::text, ${field}::text, true)
      from milestones m
      join projects p on p.id = m.project_id
      cross join lateral (select (${at}::timestamptz at time zone coalesce(p.time_zone, 'UTC'))::date as today) local
      where m.due_date is not null and ${when}
        and not exists (
          select 1 from local_changes c
          where c.milestone_id = m.id and c.kind = 'milestone.updated' and ${field} = any(c.fields)
            and c.after->>'dueDate' = m.due_date::text)
      returning id, project_id`)) as unknown as { rows: Row[] };
    for (const row of result.rows) await dispatchLocalChange({ id: row.id, projectId: row.project_id });
    recorded += result.rows.length;
  }
  return recorded;
}
