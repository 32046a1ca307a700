'use client';

import { useState } from 'react';
import { Button, Field, Textarea } from '@/app/_components/ui';
import { addTaskComment } from '@/lib/actions/add-task-comment';
import { useServerAction } from '../../../_components/use-server-action';

export function CommentForm({ projectId, taskId }: { projectId: string; taskId: string }) {
  const [body, setBody] = useState('');
  const action = useServerAction(addTaskComment, { onSuccess: () => setBody('') });
  const error = action.fieldError('body');
  return (
    <form
      className="mt-4 space-y-2"
      data-testid="comment-form"
      onSubmit={(e) => {
        e.preventDefault();
        action.run({ projectId, taskId, body });
      }}
    >
      <Field label="Add a comment" htmlFor="comment-body" error={error}>
        <Textarea
          id="comment-body"
          rows={3}
          value={body}
          onChange={(e) => setBody(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.metaKey || e.ctrlKey)) e.currentTarget.form?.requestSubmit();
          }}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'comment-body-error' : undefined}
          placeholder="Write a comment… (Ctrl+Enter sends)"
        />
      </Field>
      {action.formError && (
        <p role="alert" className="text-sm text-red-700">
          {action.formError}
        </p>
      )}
      <Button type="submit" disabled={action.pending}>
        {action.pending ? 'Sending…' : 'Comment'}
      </Button>
    </form>
  );
}
