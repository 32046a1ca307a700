'use client';

import { signIn } from 'next-auth/react';
import { useState } from 'react';

const busy = 'disabled:cursor-wait disabled:opacity-70';

/** "Continue with …": once pressed it says it is working and cannot be pressed again (the redirect follows). */
export function ProviderButton({ id, name, callbackUrl }: { id: string; name: string; callbackUrl: string }) {
  const [pending, setPending] = useState(false);
  return (
    <button
      type="button"
      disabled={pending}
      aria-busy={pending}
      onClick={() => {
        setPending(true);
        signIn(id, { callbackUrl }).catch(() => setPending(false));
      }}
      className={`w-full rounded-md bg-slate-900 px-3 py-2 text-sm font-medium text-slate-50 hover:bg-slate-700 ${busy}`}
    >
      {pending ? `Signing in with ${name}…` : `Continue with ${name}`}
    </button>
  );
}

/** Development-only sign-in by email; the server only offers it outside production builds. */
export function DevSignInForm({ callbackUrl }: { callbackUrl: string }) {
  const [email, setEmail] = useState('');
  const [pending, setPending] = useState(false);
  return (
    <form
      className="mt-6 rounded-lg border-2 border-dashed border-amber-400 bg-amber-50 p-4"
      onSubmit={(e) => {
        e.preventDefault();
        if (pending) return;
        setPending(true);
        signIn('dev-email', { email, callbackUrl }).catch(() => setPending(false));
      }}
    >
      <p className="text-xs font-semibold uppercase tracking-wide text-amber-800">Development sign-in</p>
      <p className="mt-1 text-xs text-amber-800">
        No sign-in provider is configured. Anyone can sign in as any email here; production builds never offer this.
      </p>
      <label className="mt-3 block text-sm font-medium text-slate-700" htmlFor="dev-email">
        Email
      </label>
      <input
        id="dev-email"
        type="email"
        required
        value={email}
        onChange={(e) => setEmail(e.target.value)}
        className="mt-1 w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm"
        placeholder="you@example.com"
      />
      <button type="submit" disabled={pending} aria-busy={pending} className={`mt-3 w-full rounded-md bg-indigo-600 px-3 py-2 text-sm font-medium text-white hover:bg-indigo-600/90 ${busy}`}>
        {pending ? 'Signing in…' : 'Sign in (development)'}
      </button>
    </form>
  );
}
