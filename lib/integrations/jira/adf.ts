import { markdownToAdf } from 'marklassian';

/**
 * Jira v3 descriptions are ADF documents; tasks hold Markdown. Markdown → ADF is marklassian;
 * ADF → Markdown is the walker below (adf-to-md drags eslint into production dependencies and
 * mutates its input). Nodes the walker does not know keep their text, so nothing is wiped.
 */
export type AdfNode = {
  type: string;
  text?: string;
  attrs?: Record<string, unknown>;
  marks?: Array<{ type: string; attrs?: Record<string, unknown> }>;
  content?: AdfNode[];
};
export type AdfDoc = AdfNode & { type: 'doc'; version: 1 };

const EMPTY_DOC: AdfDoc = { type: 'doc', version: 1, content: [] };

export function markdownToJiraAdf(markdown: string): AdfDoc {
  if (!markdown.trim()) return EMPTY_DOC;
  return markdownToAdf(markdown) as AdfDoc;
}

function escapeText(text: string): string {
  return text.replace(/([\\`*_[\]])/g, '\\$1');
}

function inline(node: AdfNode): string {
  switch (node.type) {
    case 'text': {
      const marks = node.marks ?? [];
      const isCode = marks.some((m) => m.type === 'code');
      let out = isCode ? `\`${node.text ?? ''}\`` : escapeText(node.text ?? '');
      for (const m of marks) {
        if (m.type === 'strong') out = `**${out}**`;
        else if (m.type === 'em') out = `_${out}_`;
        else if (m.type === 'strike') out = `~~${out}~~`;
        else if (m.type === 'link' && typeof m.attrs?.href === 'string') out = `[${out}](${m.attrs.href})`;
      }
      return out;
    }
    case 'hardBreak':
      return '  \n';
    case 'mention':
      return `@${String(node.attrs?.text ?? node.attrs?.id ?? '').replace(/^@/, '')}`;
    case 'emoji':
      return String(node.attrs?.text ?? node.attrs?.shortName ?? '');
    case 'inlineCard':
      return typeof node.attrs?.url === 'string' ? `<${node.attrs.url}>` : '';
    case 'date':
      return node.attrs?.timestamp ? new Date(Number(node.attrs.timestamp)).toISOString().slice(0, 10) : '';
    case 'status':
      return `[${String(node.attrs?.text ?? '')}]`;
    default:
      return inlines(node.content);
  }
}

const inlines = (nodes: AdfNode[] | undefined) => (nodes ?? []).map(inline).join('');

const indent = (text: string, prefix: string) =>
  text.split('\n').map((line, i) => (i === 0 || line === '' ? line : prefix + line)).join('\n');

function listItems(node: AdfNode, ordered: boolean): string {
  let n = Number(node.attrs?.order ?? 1);
  return (node.content ?? [])
    .map((item) => {
      const marker = node.type === 'taskList'
        ? `- [${item.attrs?.state === 'DONE' ? 'x' : ' '}] `
        : ordered ? `${n++}. ` : '- ';
      const body = item.type === 'taskItem' ? inlines(item.content) : blocks(item.content, '\n');
      return marker + indent(body, ' '.repeat(marker.length));
    })
    .join('\n');
}

function table(node: AdfNode): string {
  const rows = (node.content ?? []).map((row) =>
    (row.content ?? []).map((cell) => blocks(cell.content, ' ').replace(/\|/g, '\\|').replace(/\n/g, ' ')),
  );
  if (!rows.length) return '';
  const width = Math.max(...rows.map((r) => r.length));
  const line = (cells: string[]) => `| ${Array.from({ length: width }, (_, i) => cells[i] ?? '').join(' | ')} |`;
  return [line(rows[0]!), `|${' --- |'.repeat(width)}`, ...rows.slice(1).map(line)].join('\n');
}

function block(node: AdfNode): string {
  switch (node.type) {
    case 'paragraph':
      return inlines(node.content);
    case 'heading':
      return `${'#'.repeat(Math.min(6, Math.max(1, Number(node.attrs?.level ?? 1))))} ${inlines(node.content)}`;
    case 'bulletList':
    case 'taskList':
      return listItems(node, false);
    case 'orderedList':
      return listItems(node, true);
    case 'codeBlock': {
      const lang = typeof node.attrs?.language === 'string' ? node.attrs.language : '';
      return `\`\`\`${lang}\n${(node.content ?? []).map((t) => t.text ?? '').join('')}\n\`\`\``;
    }
    case 'blockquote':
    case 'panel':
      return blocks(node.content, '\n\n').split('\n').map((l) => (l ? `> ${l}` : '>')).join('\n');
    case 'rule':
      return '---';
    case 'table':
      return table(node);
    case 'mediaSingle':
    case 'mediaGroup':
    case 'media':
      return ''; // attachments are not carried over
    case 'expand':
    case 'nestedExpand':
      return [node.attrs?.title ? `**${escapeText(String(node.attrs.title))}**` : '', blocks(node.content, '\n\n')].filter(Boolean).join('\n\n');
    default:
      return node.content ? blocks(node.content, '\n\n') : inline(node);
  }
}

function blocks(nodes: AdfNode[] | undefined, separator: string): string {
  return (nodes ?? []).map(block).filter((s) => s !== '').join(separator);
}

/** A v3 description (ADF, null, or a v2 plain string) as Markdown. */
export function adfToMarkdown(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value !== 'object') return '';
  return blocks((value as AdfNode).content, '\n\n').trim();
}

/**
 * The form both sides are compared in: Markdown as it comes back from Jira after a write.
 * Without it a description we wrote would come back slightly different and look like an edit.
 */
export function canonicalMarkdown(markdown: string): string {
  if (!markdown.trim()) return '';
  try {
    return adfToMarkdown(markdownToJiraAdf(markdown));
  } catch {
    return markdown.trim();
  }
}
