/**
 * `/task` parsing and help, shared by the edge ack and the processor (no Node APIs).
 * `create <title> [@user] [#label] [due:YYYY-MM-DD] [!priority]`, `list [all]`, `done <ref>`, `help`.
 */
export const TASK_PRIORITIES = ['low', 'medium', 'high', 'urgent'] as const;
export type TaskPriorityName = (typeof TASK_PRIORITIES)[number];

export const SLASH_HELP = [
  '*/task* — work with this channel\'s Taskbridge project:',
  '• `/task create <title> [@user] [#label] [due:YYYY-MM-DD] [!low|!medium|!high|!urgent]` — create a task (no title: a form opens)',
  '• `/task list` — your open tasks (`/task list all`: the project\'s)',
  '• `/task done <ref>` — mark a task done (`ref`: the start of its id, or its title)',
  '• `/task help` — this help',
].join('\n');

export type SlashCommand =
  | { kind: 'help' }
  | { kind: 'unknown'; word: string }
  | { kind: 'create'; title: string; mentions: string[]; labels: string[]; due: string | null; priority: TaskPriorityName | null; errors: string[] }
  | { kind: 'list'; all: boolean }
  | { kind: 'done'; ref: string };

const isDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);

/** Tokens: Slack escapes mentions as `<@U123|name>`; a plain `@name` is kept as typed. */
export function parseSlashCommand(text: string): SlashCommand {
  const trimmed = text.trim();
  const [word = '', ...rest] = trimmed.split(/\s+/);
  const verb = word.toLowerCase();
  const tail = trimmed.slice(word.length).trim();
  if (verb === '' || verb === 'help') return { kind: 'help' };
  if (verb === 'list') return { kind: 'list', all: rest[0]?.toLowerCase() === 'all' };
  if (verb === 'done') return { kind: 'done', ref: tail };
  if (verb !== 'create' && verb !== 'add' && verb !== 'new') return { kind: 'unknown', word: word.slice(0, 40) };
  const title: string[] = [];
  const mentions: string[] = [];
  const labels: string[] = [];
  const errors: string[] = [];
  let due: string | null = null;
  let priority: TaskPriorityName | null = null;
  for (const token of tail.split(/\s+/).filter(Boolean)) {
    const mention = /^<@([A-Z0-9]+)(?:\|[^>]*)?>$/.exec(token);
    if (mention) mentions.push(mention[1]!);
    else if (/^@[\w.+-]+$/.test(token)) mentions.push(token);
    else if (/^#[\w-]+$/.test(token)) labels.push(token.slice(1).toLowerCase());
    else if (/^<#[A-Z0-9]+\|([\w-]*)>$/.test(token)) labels.push(/^<#[A-Z0-9]+\|([\w-]*)>$/.exec(token)![1]!.toLowerCase());
    else if (/^due:/i.test(token)) {
      const value = token.slice(4);
      if (isDate(value)) due = value;
      else errors.push(`due date "${value}" is not a date as YYYY-MM-DD`);
    } else if (/^![a-z]+$/i.test(token)) {
      const p = token.slice(1).toLowerCase();
      if ((TASK_PRIORITIES as readonly string[]).includes(p)) priority = p as TaskPriorityName;
      else errors.push(`priority "${p}" is not one of ${TASK_PRIORITIES.join(', ')}`);
    } else title.push(token);
  }
  return { kind: 'create', title: title.join(' ').slice(0, 500), mentions, labels: [...new Set(labels)], due, priority, errors };
}
