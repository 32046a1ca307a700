import { describe, expect, it } from 'vitest';
import { adfToMarkdown, canonicalMarkdown, markdownToJiraAdf } from '@/lib/integrations/jira/adf';

const doc = (...content: unknown[]) => ({ type: 'doc', version: 1, content });
const p = (...content: unknown[]) => ({ type: 'paragraph', content });
const t = (text: string, ...marks: string[]) => ({ type: 'text', text, ...(marks.length ? { marks: marks.map((type) => ({ type })) } : {}) });

describe('ADF → Markdown walker', () => {
  it('keeps paragraphs, marks, links, headings, code and quotes', () => {
    const md = adfToMarkdown(doc(
      { type: 'heading', attrs: { level: 2 }, content: [t('Steps')] },
      p(t('Press '), t('Save', 'strong'), t(' then '), t('wait', 'em'), t(' and run '), t('npm test', 'code'), t(' — see '),
        { type: 'text', text: 'docs', marks: [{ type: 'link', attrs: { href: 'https://example.com/d' } }] }),
      { type: 'codeBlock', attrs: { language: 'js' }, content: [t('const a = 1;\nconst b = 2;')] },
      { type: 'blockquote', content: [p(t('quoted'))] },
      { type: 'rule' },
    ));
    expect(md).toBe([
      '## Steps',
      'Press **Save** then _wait_ and run `npm test` — see [docs](https://example.com/d)',
      '```js\nconst a = 1;\nconst b = 2;\n```',
      '> quoted',
      '---',
    ].join('\n\n'));
  });

  it('nests lists, numbers ordered ones from their start, and renders task lists', () => {
    const item = (...content: unknown[]) => ({ type: 'listItem', content });
    const md = adfToMarkdown(doc(
      { type: 'bulletList', content: [item(p(t('a')), { type: 'bulletList', content: [item(p(t('a1')))] }), item(p(t('b')))] },
      { type: 'orderedList', attrs: { order: 3 }, content: [item(p(t('three'))), item(p(t('four')))] },
      { type: 'taskList', content: [{ type: 'taskItem', attrs: { state: 'DONE' }, content: [t('done')] }, { type: 'taskItem', attrs: { state: 'TODO' }, content: [t('open')] }] },
    ));
    expect(md).toBe('- a\n  - a1\n- b\n\n3. three\n4. four\n\n- [x] done\n- [ ] open');
  });

  it('keeps the text of mentions, emoji, cards, panels and unknown nodes; drops media', () => {
    const md = adfToMarkdown(doc(
      p({ type: 'mention', attrs: { id: 'abc', text: '@Ada' } }, t(' '), { type: 'emoji', attrs: { shortName: ':smile:', text: '😄' } }),
      { type: 'panel', attrs: { panelType: 'info' }, content: [p(t('note'))] },
      { type: 'mediaSingle', content: [{ type: 'media', attrs: { id: 'x' } }] },
      { type: 'someFutureNode', content: [p(t('still here'))] },
      p({ type: 'inlineCard', attrs: { url: 'https://example.com/x' } }),
    ));
    expect(md).toBe('@Ada 😄\n\n> note\n\nstill here\n\n<https://example.com/x>');
  });

  it('renders a table and escapes Markdown characters in text', () => {
    const cell = (type: string, s: string) => ({ type, content: [p(t(s))] });
    const md = adfToMarkdown(doc(
      { type: 'table', content: [{ type: 'tableRow', content: [cell('tableHeader', 'a'), cell('tableHeader', 'b')] }, { type: 'tableRow', content: [cell('tableCell', '1|2'), cell('tableCell', 'x')] }] },
      p(t('snake_case and *stars*')),
    ));
    expect(md).toBe('| a | b |\n| --- | --- |\n| 1\\|2 | x |\n\nsnake\\_case and \\*stars\\*');
  });

  it('reads null, v2 strings and empty docs', () => {
    expect(adfToMarkdown(null)).toBe('');
    expect(adfToMarkdown('plain wiki text')).toBe('plain wiki text');
    expect(adfToMarkdown(doc())).toBe('');
  });
});

describe('Markdown → ADF → Markdown', () => {
  const samples = [
    'Plain text',
    '# Title\n\nSome **bold**, _em_ and `code` with a [link](https://example.com).',
    '- one\n  - nested\n- two\n\n1. first\n2. second',
    '```ts\nconst x = 1;\n```\n\n> a quote\n\n---\n\nafter the rule',
    'snake_case_name and a * star',
    '- [ ] open\n- [x] done',
    '| a | b |\n| --- | --- |\n| 1 | 2 |',
  ];
  it.each(samples)('is a fixed point after one round trip: %s', (md) => {
    const once = canonicalMarkdown(md);
    expect(canonicalMarkdown(once)).toBe(once);
  });

  it('keeps the words of a description (nothing wiped)', () => {
    const md = '# Title\n\nSome **bold** text\n\n- item one\n- item two';
    const back = adfToMarkdown(markdownToJiraAdf(md));
    for (const word of ['Title', 'bold', 'item one', 'item two']) expect(back).toContain(word);
  });

  it('writes an empty description as an empty doc, never a string', () => {
    expect(markdownToJiraAdf('  ')).toEqual({ type: 'doc', version: 1, content: [] });
    expect(markdownToJiraAdf('x')).toMatchObject({ type: 'doc', version: 1 });
  });
});
