/** Headers that carry signatures, tokens or cookies in any provider's deliveries. */
const ALWAYS_REDACTED = [
  'authorization', 'cookie', 'proxy-authorization',
  'x-hub-signature', 'x-hub-signature-256', 'x-slack-signature', 'x-goog-channel-token',
];
const SECRETISH = /(signature|token|secret|authorization|cookie|api-key)/i;

/** The request headers as stored with a delivery: signatures, tokens and cookies replaced. */
export function redactHeaders(headers: Headers, extra: string[] = []): Record<string, string> {
  const redacted = new Set([...ALWAYS_REDACTED, ...extra.map((h) => h.toLowerCase())]);
  const out: Record<string, string> = {};
  headers.forEach((value, name) => {
    const key = name.toLowerCase();
    out[key] = redacted.has(key) || SECRETISH.test(key) ? '[redacted]' : value.slice(0, 1000);
  });
  return out;
}
