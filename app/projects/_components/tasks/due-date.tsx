import { dueLabel } from '@/lib/tasks/local-dates';

/** The due date and how far it is ("in 3 days"); overdue open work says so in words and with an icon, not only red. */
export function DueDate({ dueDate, today, open }: { dueDate: string | null; today: string; open: boolean }) {
  if (!dueDate) return <span className="hidden text-slate-500 md:inline">—</span>;
  const { text, overdue } = dueLabel(dueDate, today, open);
  return (
    <span className={`inline-flex flex-wrap items-baseline gap-x-1 ${overdue ? 'font-medium text-red-700' : 'text-slate-600'}`}>
      <span className="md:hidden">Due</span>
      <time dateTime={dueDate}>{dueDate}</time>
      <span className="text-xs" data-testid="task-due-relative">
        {overdue && <span aria-hidden>⚠ </span>}
        {text}
      </span>
    </span>
  );
}
