import { redirect } from 'next/navigation';
import { devSignInProvider, oauthProviders } from '@/lib/auth/providers';
import { returnPathOrDefault } from '@/lib/auth/safe-redirect';
import { getSessionUser } from '@/lib/auth/session';
import { requestAppUrl } from '@/lib/request-app-url';
import { DevSignInForm, ProviderButton } from './sign-in-buttons';

export const metadata = { title: 'Sign in' };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string; error?: string }> }) {
  const { callbackUrl, error } = await searchParams;
  // Same-origin paths only: `//evil`, `/\evil`, other origins and schemes fall back to /projects.
  const target = returnPathOrDefault(callbackUrl, (await requestAppUrl()) ?? 'http://app.invalid');
  if (await getSessionUser()) redirect(target);
  const providers = oauthProviders().map((p) => ({ id: p.id, name: p.name }));
  const dev = devSignInProvider() !== null;
  return (
    <div className="mx-auto mt-12 max-w-sm rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
      <h1 className="text-xl font-semibold">Sign in to Taskbridge</h1>
      {error && (
        <p role="alert" className="mt-3 rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
          Sign-in failed. Try again.
        </p>
      )}
      <div className="mt-5 space-y-2">
        {providers.map((p) => (
          <ProviderButton key={p.id} id={p.id} name={p.name} callbackUrl={target} />
        ))}
      </div>
      {dev && <DevSignInForm callbackUrl={target} />}
      {!dev && providers.length === 0 && (
        <p className="mt-4 text-sm text-slate-600">
          No sign-in provider is configured. Set the AUTH_* variables described in the README.
        </p>
      )}
    </div>
  );
}
