'use client';

import { signIn } from 'next-auth/react';
import { useState } from 'react';

export function ProviderButton({ id, name, callbackUrl }: { id: string; name: string; callbackUrl: string }) {
  return (
    <button
      type="button"
      onClick={() => signIn(id, { callbackUrl })}
      className="w-full rounded-md bg-slate-900 px-3 py-2 text-sm font-medium text-white hover:bg-slate-700"
    >
      Continue with {name}
    </button>
  );
}

/** Development-only sign-in by email; the server only offers it outside production builds. */
export function DevSignInForm({ callbackUrl }: { callbackUrl: string }) {
  const [email, setEmail] = useState('');
  return (
    <form
      className="mt-6 rounded-lg border-2 border-dashed border-amber-400 bg-amber-50 p-4"
      onSubmit={(e) => {
        e.preventDefault();
        void signIn('dev-email', { email, callbackUrl });
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
        className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2 text-sm"
        placeholder="you@example.com"
      />
      <button type="submit" className="mt-3 w-full rounded-md bg-amber-600 px-3 py-2 text-sm font-medium text-white hover:bg-amber-700">
        Sign in (development)
      </button>
    </form>
  );
}
