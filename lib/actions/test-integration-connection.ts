'use server';

import { runConnectionTest } from '@/lib/integrations/run-connection-test';
import { integrationRefSchema } from './integration-schemas';
import { loadIntegrationOr404 } from './load-integration';
import { authedAction } from './safe-action';

// Owner re-tests the stored credentials without changing anything.
export const testIntegrationConnection = authedAction('owner', integrationRefSchema, async ({ db }, input) =>
  runConnectionTest(db, await loadIntegrationOr404(db, input)),
);
