/** A bounded slow sender: `count` one-byte chunks, one every `everyMs`; records whether it was cancelled. */
export function tricklingRequest(count: number, everyMs: number, url = 'http://x', headers: Record<string, string> = {}) {
  const state = { sent: 0, cancelled: false };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (state.sent >= count) return controller.close();
      return new Promise<void>((resolve) => {
        timer = setTimeout(() => {
          state.sent++;
          controller.enqueue(new Uint8Array([0x20]));
          resolve();
        }, everyMs);
      });
    },
    cancel() {
      clearTimeout(timer);
      state.cancelled = true;
    },
  });
  const request = new Request(url, { method: 'POST', body, headers, duplex: 'half' } as RequestInit);
  return { request, state };
}
