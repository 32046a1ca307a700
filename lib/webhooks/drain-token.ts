import { sha256Hex, timingSafeEqualText } from '@/lib/integrations/kit/hmac';

/**
 * The edge webhook routes nudge the Node drain route (in-process mode) with a token derived
 * from the server's encryption keys, so nobody outside can make the server drain on demand.
 */
export function drainToken(env: Record<string, string | undefined> = process.env): Promise<string> {
  return sha256Hex(`taskbridge-webhook-drain:${env.TASKBRIDGE_ENCRYPTION_KEYS ?? ''}`);
}

export async function isDrainToken(provided: string | null): Promise<boolean> {
  return timingSafeEqualText(await drainToken(), provided);
}
