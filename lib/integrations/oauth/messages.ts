import type { OAuthOutcome } from './errors';

const safeDetail = /^[\w:.,\-/ ]{1,200}$/;

/** The message shown on the configure page after the callback. `detail` comes from the URL: only a short, plain code or scope list is shown. */
export function oauthOutcomeMessage(
  outcome: OAuthOutcome,
  providerLabel: string,
  detail?: string | null,
): { tone: 'success' | 'error' | 'info'; text: string } {
  const d = detail && safeDetail.test(detail) ? detail : null;
  switch (outcome) {
    case 'connected':
      return { tone: 'success', text: `Connected with ${providerLabel}.` };
    case 'choose_site':
      return { tone: 'info', text: `Connected with ${providerLabel}. This grant covers several sites: choose the one to use below.` };
    case 'denied':
      return { tone: 'error', text: `${providerLabel} access was denied, so nothing was connected. Try again and approve the request.` };
    case 'invalid_state':
      return { tone: 'error', text: 'That connect link is not valid (unknown or tampered state). Nothing was stored; start again with the Connect button.' };
    case 'expired_state':
      return { tone: 'error', text: 'That connect attempt expired (after 10 minutes). Nothing was stored; start again with the Connect button.' };
    case 'reused_state':
      return { tone: 'error', text: 'That connect link was already used. Nothing was stored; start again with the Connect button.' };
    case 'wrong_user':
      return { tone: 'error', text: 'That connect attempt was started by another user or session. Nothing was stored; start again with the Connect button.' };
    case 'missing_scope':
      return { tone: 'error', text: `${providerLabel} did not grant ${d ? `the scope${d.includes(' ') ? 's' : ''} ${d}` : 'every scope we need'}. Nothing was stored; connect again and keep ${d ? 'it' : 'them'} ticked.` };
    case 'provider_error':
      return { tone: 'error', text: `${providerLabel} returned an error${d ? ` (${d})` : ''}. Nothing was stored; try again.` };
    case 'not_configured':
      return { tone: 'error', text: `Connecting with ${providerLabel} is not configured on this server.` };
    case 'unavailable':
      return { tone: 'error', text: `${providerLabel} was switched off on this server while you were connecting. Nothing was stored; ask an administrator to turn it back on, then connect again.` };
  }
}
