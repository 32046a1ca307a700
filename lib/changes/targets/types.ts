import type { Db } from '@/db/client';
import type { LocalChange } from '@/lib/integrations/contract/changes';

export type ChangeTarget = { name: string; run: (db: Db, change: LocalChange) => Promise<void> };
