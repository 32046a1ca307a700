import { createHash } from 'node:crypto';
import { generateCodeVerifier, generateState } from 'arctic';
import type { DbOrTx } from '@/db/client';
import { findOAuthState, insertOAuthState, purgeOAuthStates, spendOAuthState } from '@/db/queries/oauth-states';
import type { OAuthState, PendingIntegrationSetup } from '@/db/schema';
import type { OAuthOutcome } from './errors';

export const STATE_TTL_MS = 10 * 60_000;

/** Only the hash is stored: a database read does not yield a usable state. */
export function hashState(state: string): string {
  return createHash('sha256').update(state).digest('hex');
}

/** The S256 code challenge of a PKCE verifier (RFC 7636 §4.2), as the authorize URL carries it. */
export function s256Challenge(verifier: string): string {
  return createHash('sha256').update(verifier).digest('base64url');
}

/** What a state connects: an existing integration, or a new one in a project, created by a successful callback. */
export type OAuthTarget = { integrationId: string } | { projectId: string; pendingSetup: PendingIntegrationSetup };

/** A new random, single-use state bound to the user and its target, with a PKCE verifier when the provider takes one. */
export async function createOAuthState(
  db: DbOrTx,
  input: { userId: string; target: OAuthTarget; providerType: string; pkce: boolean; now?: Date },
): Promise<{ state: string; codeVerifier: string | null; expiresAt: Date }> {
  const now = input.now ?? new Date();
  const state = generateState();
  const codeVerifier = input.pkce ? generateCodeVerifier() : null;
  const expiresAt = new Date(now.getTime() + STATE_TTL_MS);
  // Housekeeping: states a day past their expiry are of no use, even to tell "expired" apart.
  await purgeOAuthStates(db, new Date(now.getTime() - 86_400_000));
  await insertOAuthState(db, {
    stateHash: hashState(state),
    userId: input.userId,
    ...input.target,
    providerType: input.providerType,
    codeVerifier,
    createdAt: now,
    expiresAt,
  });
  return { state, codeVerifier, expiresAt };
}

export type ConsumedState =
  | { ok: true; row: OAuthState }
  | { ok: false; outcome: Extract<OAuthOutcome, 'invalid_state' | 'expired_state' | 'reused_state' | 'wrong_user'>; row?: OAuthState };

/**
 * Consumes a state exactly once (an atomic UPDATE … WHERE consumed_at IS NULL): a second
 * callback with it is "reused", whoever runs first. Wrong provider → invalid; another user → wrong_user; past 10 min → expired.
 */
export async function consumeOAuthState(
  db: DbOrTx,
  input: { state: string | null; userId: string | null; providerType: string; now?: Date },
): Promise<ConsumedState> {
  const now = input.now ?? new Date();
  if (!input.state || input.state.length > 200) return { ok: false, outcome: 'invalid_state' };
  const hash = hashState(input.state);
  const row = await spendOAuthState(db, hash, now);
  if (!row) {
    const seen = await findOAuthState(db, hash);
    if (!seen || seen.providerType !== input.providerType) return { ok: false, outcome: 'invalid_state' };
    return { ok: false, outcome: 'reused_state', row: seen };
  }
  if (row.providerType !== input.providerType) return { ok: false, outcome: 'invalid_state' };
  if (!input.userId || row.userId !== input.userId) return { ok: false, outcome: 'wrong_user', row };
  if (row.expiresAt.getTime() <= now.getTime()) return { ok: false, outcome: 'expired_state', row };
  return { ok: true, row };
}
