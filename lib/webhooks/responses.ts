import { webhookSecurityHeaders } from '@/lib/security/headers';

/** On every webhook answer: never cached, never sniffed, never framed. */
const WEBHOOK_HEADERS = { ...webhookSecurityHeaders, 'cache-control': 'no-store' };

/** Small JSON answers for webhook senders; never a secret, never the payload. */
export function webhookResponse(status: number, body: Record<string, unknown>, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { ...WEBHOOK_HEADERS, 'content-type': 'application/json', ...headers },
  });
}

/** A handshake echo (Graph's validationToken): sender-chosen text, so never sniffed as HTML. */
export function plainTextResponse(status: number, text: string): Response {
  return new Response(text, {
    status,
    headers: { ...WEBHOOK_HEADERS, 'content-type': 'text/plain; charset=utf-8' },
  });
}

export function rejection(status: number, error: string, headers: Record<string, string> = {}): Response {
  return webhookResponse(status, { ok: false, error }, headers);
}

/** A verifier's own answer (Slack challenge, Graph validationToken echo) with the same headers as ours. */
export function withWebhookHeaders(response: Response): Response {
  const headers = new Headers(response.headers);
  for (const [name, value] of Object.entries(WEBHOOK_HEADERS)) headers.set(name, value);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

/** The media type of a Content-Type header ("application/json; charset=utf-8" → "application/json"). */
export function mediaType(header: string | null): string | null {
  if (!header) return null;
  return header.split(';')[0]!.trim().toLowerCase() || null;
}
