import { getDb } from '@/db/client';
import { countTasks, listProjectLabels, listTaskBoard, listTaskPage } from '@/db/queries/task-page';
import { linkedTaskIds } from '@/db/queries/tasks';
import { DEFAULT_PAGE_SIZE, defaultDir, type TaskQuery, type TaskView } from '@/lib/tasks/task-query';
import type { MemberOption, MilestoneOption } from '../task-options';
import { QuickAdd } from './quick-add';
import { TaskBoard } from './task-board';
import { TaskFilters } from './task-filters';
import { TaskList } from './task-list';
import { TimeZoneSync } from './time-zone-sync';
import { UndoBanner } from './undo-banner';
import { ViewSwitch } from './view-switch';

const BOARD_COLUMN_SIZE = 50;

type Props = {
  projectId: string;
  query: TaskQuery;
  view: TaskView;
  today: string;
  timeZone: string;
  members: MemberOption[];
  milestones: MilestoneOption[];
  integrations: Array<{ id: string; label: string }>;
};

/** The task area: quick add, view switch, filters, then the list or the board of the same filtered set. */
export async function TaskWorkspace(props: Props) {
  const { projectId, query, view, today } = props;
  const db = getDb();
  const sort = { sort: query.sort, dir: query.dir ?? defaultDir[query.sort], today };
  const [labels, total, list, board] = await Promise.all([
    listProjectLabels(db, projectId),
    countTasks(db, projectId, query, today),
    view === 'list' ? listTaskPage(db, projectId, query, { ...sort, after: query.after, limit: query.per ?? DEFAULT_PAGE_SIZE }) : undefined,
    view === 'board' ? listTaskBoard(db, projectId, query, { ...sort, limit: BOARD_COLUMN_SIZE }) : undefined,
  ]);
  const shown = list ? list.tasks : (board ?? []).flatMap((c) => c.tasks);
  const linked = [...(await linkedTaskIds(db, shown.map((t) => t.id)))];
  const filtered = Object.entries(query).some(([k, v]) => v !== undefined && !['sort', 'dir', 'after', 'view', 'per'].includes(k));
  const common = { projectId, members: props.members, milestones: props.milestones, today, linked };
  return (
    <section aria-labelledby="tasks-heading" className="space-y-3">
      <TimeZoneSync current={props.timeZone} />
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="tasks-heading" className="text-base font-semibold">
          Tasks <span className="font-normal text-slate-500" data-testid="task-count">({total}{filtered ? ' matching' : ''})</span>
        </h2>
        <ViewSwitch projectId={projectId} query={query} view={view} />
      </div>
      <QuickAdd projectId={projectId} />
      <UndoBanner projectId={projectId} />
      <TaskFilters
        projectId={projectId}
        query={query}
        view={view}
        members={props.members}
        milestones={props.milestones}
        labels={labels}
        integrations={props.integrations}
      />
      {list && <TaskList {...common} query={query} tasks={list.tasks} nextCursor={list.nextCursor} filtered={filtered} />}
      {board && <TaskBoard {...common} columns={board} />}
    </section>
  );
}
