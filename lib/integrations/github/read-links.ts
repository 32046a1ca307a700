import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import type { TaskStatus } from '@/db/schema';
import type { MemberIdentity } from './map-fields';
import type { ExistingLink } from './plan-issue';

type LinkRow = {
  external_id: string; task_id: string; snapshot: Record<string, unknown>; external_updated_at: string | null;
  sync_enabled: boolean; title: string; description: string; status: TaskStatus; labels: string[];
  assignee_ids: string[]; external_assignees: string[]; updated_at: string; milestone_id: string | null;
};

/**
 * Everything a page needs before it is planned, in one statement: the links (with their
 * tasks) of these issues and the project's members for assignee matching.
 */
export async function readIssueLinks(
  db: DbOrTx,
  input: { integrationId: string; projectId: string; externalIds: string[] },
): Promise<{ links: Map<string, ExistingLink>; members: MemberIdentity[] }> {
  const result = await db.execute<{ links: LinkRow[] | null; members: MemberIdentity[] | null }>(sql`
    select
      (select json_agg(json_build_object(
          'external_id', m.external_id, 'task_id', m.task_id, 'snapshot', m.snapshot,
          'external_updated_at', m.external_updated_at, 'sync_enabled', m.sync_enabled,
          'title', t.title, 'description', t.description, 'status', t.status, 'labels', t.labels,
          'assignee_ids', t.assignee_ids, 'external_assignees', t.external_assignees, 'updated_at', t.updated_at, 'milestone_id', t.milestone_id))
        from external_task_mappings m join tasks t on t.id = m.task_id
        where m.integration_id = ${input.integrationId}
          and m.external_id in (select jsonb_array_elements_text(${JSON.stringify(input.externalIds)}::jsonb))) as links,
      (select json_agg(json_build_object('id', u.id, 'name', u.name, 'email', u.email))
        from project_members pm join users u on u.id = pm.user_id
        where pm.project_id = ${input.projectId}) as members`);
  const row = result.rows[0];
  const links = new Map<string, ExistingLink>();
  for (const r of row?.links ?? []) {
    links.set(r.external_id, {
      taskId: r.task_id,
      snapshot: r.snapshot,
      externalUpdatedAt: r.external_updated_at ? new Date(r.external_updated_at) : null,
      syncEnabled: r.sync_enabled,
      task: {
        title: r.title, description: r.description, status: r.status, labels: r.labels,
        assigneeIds: r.assignee_ids, externalAssignees: r.external_assignees, updatedAt: new Date(r.updated_at), milestoneId: r.milestone_id,
      },
    });
  }
  return { links, members: row?.members ?? [] };
}
