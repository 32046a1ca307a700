/** GitHub sends up to 25 MB; read past the limit up to this much before giving up on the stream. */
const DRAIN_CAP_BYTES = 32 * 1024 * 1024;

export type BodyResult = { ok: true; bytes: Uint8Array<ArrayBuffer> } | { ok: false; status: 413 | 400; reason: string };

/**
 * Reads the raw body once, refusing more than `limit` bytes: by Content-Length before
 * reading, then by counting the bytes actually streamed (a lying or absent header).
 */
export async function readBodyWithLimit(request: Request, limit: number): Promise<BodyResult> {
  const declared = request.headers.get('content-length');
  if (declared !== null && /^\d+$/.test(declared) && Number(declared) > limit) {
    return { ok: false, status: 413, reason: `body larger than ${limit} bytes` };
  }
  if (!request.body) return { ok: true, bytes: new Uint8Array(0) };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > limit) {
        // Drain (and drop) the rest rather than cancel: a cancelled request stream leaves
        // the edge runtime without a response. Past a hard cap, cancel after all.
        if (total > limit + DRAIN_CAP_BYTES) {
          await reader.cancel().catch(() => {});
          return { ok: false, status: 413, reason: `body larger than ${limit} bytes` };
        }
        chunks.length = 0;
        continue;
      }
      chunks.push(value);
    }
  } catch {
    return { ok: false, status: 400, reason: 'body could not be read' };
  }
  if (total > limit) return { ok: false, status: 413, reason: `body larger than ${limit} bytes` };
  if (chunks.length === 1) return { ok: true, bytes: chunks[0] as Uint8Array<ArrayBuffer> };
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const c of chunks) {
    bytes.set(c, offset);
    offset += c.byteLength;
  }
  return { ok: true, bytes };
}
