import { prepareDatabase } from './with-database';

/** `npm run integrations:init` — the seed's init_integrations (idempotent upsert of 5 providers). */
const db = await prepareDatabase();
await db.stop();
