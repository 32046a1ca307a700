/** GitHub sends up to 25 MB; read past the limit up to this much before giving up on the stream. */
const DRAIN_CAP_BYTES = 32 * 1024 * 1024;

export type BodyResult = { ok: true; bytes: Uint8Array<ArrayBuffer> } | { ok: false; status: 413 | 408 | 400; reason: string };

/**
 * Reads the raw body once, refusing more than `limit` bytes: by Content-Length before
 * reading, then by counting the bytes actually streamed (a lying or absent header). With
 * `timeoutMs`, the whole body must arrive within it: a slow sender gets 408 and its stream
 * is cancelled (the caller answers with `Connection: close`).
 */
export async function readBodyWithLimit(request: Request, limit: number, timeoutMs?: number): Promise<BodyResult> {
  const declared = request.headers.get('content-length');
  if (declared !== null && /^\d+$/.test(declared) && Number(declared) > limit) {
    return { ok: false, status: 413, reason: `body larger than ${limit} bytes` };
  }
  if (!request.body) return { ok: true, bytes: new Uint8Array(0) };
  const reader = request.body.getReader();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const expired = new Promise<'expired'>((resolve) => {
    if (timeoutMs !== undefined && Number.isFinite(timeoutMs)) timer = setTimeout(() => resolve('expired'), timeoutMs);
  });
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const step = await Promise.race([reader.read(), expired]);
      if (step === 'expired') {
        void reader.cancel().catch(() => {}); // not awaited: a stalled sender must not hold the answer
        return { ok: false, status: 408, reason: `body not received within ${timeoutMs} ms` };
      }
      const { done, value } = step;
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
  } finally {
    clearTimeout(timer);
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
