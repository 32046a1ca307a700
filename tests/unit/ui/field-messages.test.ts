import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Field, fieldErrorSummary, FormSummary, Input } from '@/app/_components/ui';

const field = (error?: string, childId = 'title') =>
  renderToStaticMarkup(createElement(Field, { label: 'Title', htmlFor: 'title', error, children: createElement(Input, { id: childId }) }));

describe('every form shows its messages the same way', () => {
  it('a field with an error: its sentence under it, and its control marked and described by it', () => {
    const html = field('enter a title');
    expect(html).toContain('<p id="title-error" class="text-xs text-red-700" role="alert" data-field-error="title">Enter a title.</p>');
    expect(html).toMatch(/<input id="title"[^>]* aria-invalid="true" aria-describedby="title-error"/);
    // The red border comes with aria-invalid.
    expect(html).toContain('aria-[invalid=true]:border-red-600');
  });

  it('without an error nothing is marked; a child that is not the labelled control is left alone', () => {
    expect(field()).not.toContain('aria-invalid');
    expect(field('enter a title', 'other')).not.toContain('aria-invalid');
  });

  it('one summary line: how many fields need a fix, or the message when no field is to blame', () => {
    expect(fieldErrorSummary({ title: 'x' })).toBe('Not saved: 1 field needs a fix (marked above).');
    expect(fieldErrorSummary({ title: 'x', dueDate: 'y' })).toBe('Not saved: 2 fields need a fix (marked above).');
    const one = (error: Parameters<typeof FormSummary>[0]['error']) => renderToStaticMarkup(createElement(FormSummary, { error }));
    expect(one({ message: 'title: x', fieldErrors: { title: 'x' } })).toContain('>Not saved: 1 field needs a fix (marked above).</div>');
    expect(one({ message: 'Only the project owner can do that.' })).toContain('role="alert"');
    expect(one({ message: 'Only the project owner can do that.' })).toContain('>Only the project owner can do that.</div>');
    expect(one(undefined)).toBe('');
  });
});
