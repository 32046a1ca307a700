import { Badge, Card } from '@/app/_components/ui';
import { getDb } from '@/db/client';
import { listTaskComments } from '@/db/queries/comments';
import { safeExternalUrl } from '@/lib/safe-external-url';
import { CommentForm } from './comment-form';
import { When } from './when';

/** The task's conversation: local comments with their author, synced ones with their source. */
export async function TaskComments({ projectId, taskId, timeZone }: { projectId: string; taskId: string; timeZone: string }) {
  const comments = await listTaskComments(getDb(), projectId, taskId);
  return (
    <Card aria-labelledby="comments-heading" data-testid="task-comments">
      <h2 id="comments-heading" className="text-base font-semibold">
        Comments <span className="font-normal text-slate-500">({comments.length})</span>
      </h2>
      {comments.length === 0 ? (
        <p className="mt-2 text-sm text-slate-500">No comments yet.</p>
      ) : (
        <ol className="mt-3 space-y-3">
          {comments.map((c) => {
            const author = c.sourceName ? (c.externalAuthor ? `@${c.externalAuthor}` : 'Someone') : (c.authorName || c.authorEmail || 'A former member');
            const href = safeExternalUrl(c.externalUrl);
            return (
              <li key={c.id} data-testid="comment" className="rounded-lg border border-slate-200 p-3">
                <p className="flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-slate-600">
                  <span className="font-medium text-slate-900">{author}</span>
                  {c.sourceName && (
                    <Badge tone="blue">{href ? <a href={href} target="_blank" rel="noreferrer noopener">on {c.sourceName}</a> : `on ${c.sourceName}`}</Badge>
                  )}
                  <When at={c.createdAt} timeZone={timeZone} />
                </p>
                <p className="mt-1 whitespace-pre-wrap break-words text-sm [overflow-wrap:anywhere]">{c.body}</p>
              </li>
            );
          })}
        </ol>
      )}
      <CommentForm projectId={projectId} taskId={taskId} />
    </Card>
  );
}
