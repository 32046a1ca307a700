import { neonConfig } from '@neondatabase/serverless';
import ws from 'ws';

/** Node 20 has no global WebSocket; the edge runtime and Node 22+ do. Import from Node only. */
export function useNodeWebSocket(): void {
  if (typeof globalThis.WebSocket === 'undefined') neonConfig.webSocketConstructor = ws;
}
useNodeWebSocket();
