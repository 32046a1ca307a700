import '@/db/node-websocket';
import { getDb } from '@/db/client';
import { runSync } from '@/lib/sync/run-sync';

// A separate process that runs one sync (the kill test SIGKILLs it mid-page):
// `node --import tsx tests/integration/sync/run-sync-child.ts <integrationId>`, env as the app's.
const integrationId = process.argv[2];
if (!integrationId) throw new Error('usage: run-sync-child.ts <integrationId>');
await runSync(getDb(), integrationId);
process.exit(0);
