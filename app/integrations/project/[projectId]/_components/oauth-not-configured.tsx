import type { ProviderDefinition } from '@/lib/integrations/types';

/** A provider whose OAuth client is not set on this server: what to set, and whether pasting a token works meanwhile. */
export function OAuthNotConfigured({ oauth }: { oauth: NonNullable<ProviderDefinition['oauth']> }) {
  return (
    <p className="text-sm text-slate-600" data-testid="oauth-not-configured">
      Connecting with {oauth.label} is not configured on this server: set <code>{oauth.clientIdEnv}</code> and{' '}
      <code>{oauth.clientSecretEnv}</code>.
      {oauth.pasteSupported ? ' Meanwhile, paste a token in the form.' : ''}
    </p>
  );
}
