/** Runs once per server start, before any request. */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    // Node 20 has no global WebSocket; the neon driver needs one.
    await import('./db/node-websocket');
  }
}
