import { Alert, Card, formatDateTime } from '@/app/_components/ui';
import type { IntegrationWithProvider } from '@/db/queries/integrations';
import { missingScopes, oauthConfigured } from '@/lib/integrations/oauth/config';
import { type OAuthOutcome, oauthOutcomes } from '@/lib/integrations/oauth/errors';
import { oauthOutcomeMessage } from '@/lib/integrations/oauth/messages';
import type { OAuthAccount } from '@/lib/integrations/oauth/store';
import type { ProviderWith } from '@/lib/integrations/types';
import { OAuthConnectButton } from '../../_components/oauth-connect-button';
import { OAuthNotConfigured } from '../../_components/oauth-not-configured';
import { DisconnectButton, SitePicker } from './oauth-controls';

const tones = { success: 'green', error: 'red', info: 'blue' } as const;

/** "Connect with …" on the configure page (owner only): outcome of the last attempt, grant, scopes, reconnect, disconnect. */
export function OAuthSection({
  integration, provider, outcome, detail,
}: { integration: IntegrationWithProvider; provider: ProviderWith<'oauth'> | null; outcome?: string; detail?: string }) {
  if (!provider) return null;
  const oauth = provider.oauth;
  const shown = oauthOutcomes.includes(outcome as OAuthOutcome) ? oauthOutcomeMessage(outcome as OAuthOutcome, oauth.label, detail) : null;
  const isOAuth = integration.authMethod === 'oauth' && Boolean(integration.accessToken);
  const account = (integration.oauthAccount ?? {}) as OAuthAccount;
  const granted = integration.grantedScopes ?? [];
  const missing = isOAuth && !account.scopesNotApplicable ? missingScopes(oauth.requiredScopes, granted) : [];
  const needsReconnect = integration.connectionStatus === 'reconnect_needed';
  const configured = oauthConfigured(oauth);
  const ref = { projectId: integration.projectId, integrationId: integration.id };
  return (
    <Card className="space-y-3" aria-label="Connect">
      <h2 className="font-semibold">Connect</h2>
      {shown && <Alert tone={tones[shown.tone]}>{shown.text}</Alert>}
      {configured ? (
        <OAuthConnectButton
          {...ref}
          providerType={provider.id}
          label={needsReconnect ? 'Reconnect' : isOAuth ? `Reconnect with ${oauth.label}` : `Connect with ${oauth.label}`}
          variant={needsReconnect || !isOAuth ? 'primary' : 'secondary'}
        />
      ) : (
        <OAuthNotConfigured oauth={oauth} />
      )}
      {oauth.pasteSupported && oauth.pasteHelp && <p className="text-xs text-slate-500">Or paste a token: {oauth.pasteHelp}</p>}
      {isOAuth && (
        <div className="space-y-1 text-sm" data-testid="oauth-grant">
          {typeof account.name === 'string' && <p>Account: {account.name}</p>}
          <p>
            Granted scopes:{' '}
            {account.scopesNotApplicable ? <em>the GitHub App&apos;s permissions</em> : granted.length ? <span className="font-mono text-xs">{granted.join(' ')}</span> : <em>none</em>}
          </p>
          {missing.length > 0 && <p className="text-red-700">Missing scope{missing.length > 1 ? 's' : ''}: {missing.join(', ')}. Reconnect and keep {missing.length > 1 ? 'them' : 'it'} ticked.</p>}
          {integration.tokenExpiresAt && <p className="text-slate-600">Token expires {formatDateTime(integration.tokenExpiresAt)} (refreshed automatically).</p>}
          {account.sites && account.sites.length > 1 && <SitePicker {...ref} sites={account.sites} current={account.siteId ?? null} />}
          <DisconnectButton {...ref} label={oauth.label} />
        </div>
      )}
    </Card>
  );
}
