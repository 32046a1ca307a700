'use client';

import { usePathname, useRouter } from 'next/navigation';
import { useEffect, useRef } from 'react';

const SHORTCUTS: Array<[key: string, what: string]> = [
  ['c', 'Create a task (on a project)'],
  ['/', 'Search tasks (on a project)'],
  ['?', 'Show these shortcuts'],
  ['Esc', 'Close this list'],
];

/** Typing in a field, or a shortcut with Ctrl/Cmd/Alt held, is never taken over. */
function typing(e: KeyboardEvent): boolean {
  const t = e.target as HTMLElement | null;
  if (e.ctrlKey || e.metaKey || e.altKey || e.isComposing) return true;
  return Boolean(t && (t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName)));
}

/**
 * Keyboard shortcuts: `c` creates a task (focuses quick add on the project page, opens the
 * new-task page elsewhere in a project), `/` focuses the task search, `?` lists the shortcuts
 * in a dialog (also behind the header's "?" button).
 */
export function KeyboardShortcuts() {
  const dialog = useRef<HTMLDialogElement>(null);
  const router = useRouter();
  const pathname = usePathname();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (typing(e) || dialog.current?.open) return;
      const project = /^\/projects\/([0-9a-f-]{36})(?:\/|$)/i.exec(pathname)?.[1];
      if (e.key === '?') {
        e.preventDefault();
        dialog.current?.showModal();
      } else if (e.key === 'c' && project) {
        e.preventDefault();
        const quickAdd = document.getElementById('quick-add-title');
        if (quickAdd) quickAdd.focus();
        else router.push(`/projects/${project}/tasks/new`);
      } else if (e.key === '/') {
        const search = document.getElementById('task-search');
        if (!search) return;
        e.preventDefault();
        search.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [pathname, router]);
  return (
    <>
      <button
        type="button"
        onClick={() => dialog.current?.showModal()}
        aria-label="Keyboard shortcuts"
        title="Keyboard shortcuts (?)"
        className="rounded-md border border-slate-300 px-2 py-0.5 text-xs font-semibold text-slate-600 hover:bg-slate-100"
      >
        ?
      </button>
      <dialog
        ref={dialog}
        aria-labelledby="shortcuts-heading"
        className="m-auto w-[min(24rem,calc(100vw-2rem))] rounded-xl border border-slate-200 bg-white p-5 text-slate-900 shadow-xl backdrop:bg-slate-900/40"
        onClick={(e) => {
          if (e.target === e.currentTarget) e.currentTarget.close(); // a click on the backdrop
        }}
      >
        <h2 id="shortcuts-heading" className="text-base font-semibold">
          Keyboard shortcuts
        </h2>
        <dl className="mt-3 grid grid-cols-[4rem_1fr] gap-y-2 text-sm" data-testid="shortcut-list">
          {SHORTCUTS.map(([key, what]) => (
            <div key={key} className="contents">
              <dt>
                <kbd className="rounded border border-slate-300 bg-slate-100 px-1.5 py-0.5 font-mono text-xs">{key}</kbd>
              </dt>
              <dd>{what}</dd>
            </div>
          ))}
        </dl>
        <div className="mt-4 text-right">
          <button type="button" onClick={() => dialog.current?.close()} className="rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-600/90">
            Close
          </button>
        </div>
      </dialog>
    </>
  );
}
