/**
 * HMAC-SHA256 with Web Crypto only (edge and Node). Comparisons go through
 * crypto.subtle.verify, which is constant-time by construction.
 */
const encoder = new TextEncoder();

export function utf8(text: string): Uint8Array<ArrayBuffer> {
  return encoder.encode(text);
}

export function importHmacKey(secret: string): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', utf8(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']);
}

/** Hex → bytes; null when the text is not even-length lowercase/uppercase hex. */
export function hexToBytes(hex: string): Uint8Array<ArrayBuffer> | null {
  if (hex.length === 0 || hex.length % 2 !== 0 || !/^[0-9a-fA-F]+$/.test(hex)) return null;
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}

export function bytesToHex(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += b.toString(16).padStart(2, '0');
  return out;
}

/** Checks `<prefix><hex HMAC-SHA256(key, data)>` (e.g. "sha256=…", "v0=…") in constant time. */
export async function verifyHexSignature(
  key: CryptoKey,
  data: Uint8Array<ArrayBuffer>,
  header: string | null,
  prefix: string,
): Promise<boolean> {
  if (!header || !header.startsWith(prefix)) return false;
  const signature = hexToBytes(header.slice(prefix.length).trim());
  if (!signature || signature.length !== 32) return false;
  return crypto.subtle.verify('HMAC', key, signature, data);
}

export async function signHex(key: CryptoKey, data: Uint8Array<ArrayBuffer>): Promise<string> {
  return bytesToHex(new Uint8Array(await crypto.subtle.sign('HMAC', key, data)));
}

let compareKey: Promise<CryptoKey> | undefined;

/** Constant-time string equality for tokens without a signature (Google channel token, Graph clientState). */
export async function timingSafeEqualText(expected: string, provided: string | null | undefined): Promise<boolean> {
  if (provided == null) return false;
  compareKey ??= crypto.subtle.generateKey({ name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']) as Promise<CryptoKey>;
  const key = await compareKey;
  const mac = await crypto.subtle.sign('HMAC', key, utf8(expected));
  return crypto.subtle.verify('HMAC', key, mac, utf8(provided));
}

/** A stable id for a payload that carries none (SHA-256 hex of its bytes). */
export async function sha256Hex(text: string): Promise<string> {
  return bytesToHex(new Uint8Array(await crypto.subtle.digest('SHA-256', utf8(text))));
}

/**
 * A token for senders that cannot sign (Jira without a secret): derived from the webhook
 * secret, so the URL — which proxies and access logs keep — never carries the secret itself.
 */
export async function deriveUrlToken(secret: string, purpose: string): Promise<string> {
  return signHex(await importHmacKey(secret), utf8(`taskbridge:url-token:${purpose}`));
}
