'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import type { ActionError, ActionResult } from '@/lib/errors';

const unreachable: ActionError = { code: 'unavailable', message: 'Could not reach the server. Try again.' };

/**
 * Calls a server action through react-query: pending state, the typed error, per-field
 * messages, and a router.refresh() on success so server components re-read the data.
 */
export function useServerAction<I, T>(
  action: (input: I) => Promise<ActionResult<T>>,
  options: { onSuccess?: (data: T) => void; refresh?: boolean } = {},
) {
  const router = useRouter();
  const mutation = useMutation({
    mutationFn: action,
    onSuccess: (result) => {
      if (!result.ok) return;
      options.onSuccess?.(result.data);
      if (options.refresh !== false) router.refresh();
    },
  });
  const error = mutation.data && !mutation.data.ok ? mutation.data.error : mutation.isError ? unreachable : undefined;
  const fieldErrors = error?.fieldErrors ?? {};
  /** The message for a field, also when zod named an element of it (e.g. "labels.2"). */
  const fieldError = (name: string): string | undefined =>
    fieldErrors[name] ?? Object.entries(fieldErrors).find(([key]) => key.startsWith(`${name}.`))?.[1];
  return {
    run: mutation.mutate,
    reset: mutation.reset,
    pending: mutation.isPending,
    succeeded: mutation.data?.ok === true,
    error,
    fieldError,
    /** Shown above the form when no field is to blame (forbidden, not found, network). */
    formError: error && Object.keys(fieldErrors).length === 0 ? error.message : undefined,
  };
}
