import { webhookSecurityHeaders } from '@/lib/security/headers';

/** Small JSON answers for webhook senders; never a secret, never the payload. */
export function webhookResponse(status: number, body: Record<string, unknown>, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { ...webhookSecurityHeaders, 'content-type': 'application/json', 'cache-control': 'no-store', ...headers },
  });
}

/** A handshake echo (Graph's validationToken): sender-chosen text, so never sniffed as HTML. */
export function plainTextResponse(status: number, text: string): Response {
  return new Response(text, {
    status,
    headers: { ...webhookSecurityHeaders, 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
  });
}

export function rejection(status: number, error: string, headers: Record<string, string> = {}): Response {
  return webhookResponse(status, { ok: false, error }, headers);
}

/** The media type of a Content-Type header ("application/json; charset=utf-8" → "application/json"). */
export function mediaType(header: string | null): string | null {
  if (!header) return null;
  return header.split(';')[0]!.trim().toLowerCase() || null;
}
