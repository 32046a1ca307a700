import path from 'node:path';
import { migrate } from 'drizzle-orm/neon-serverless/migrator';
import type { Db } from './client';

export const migrationsFolder = path.join(process.cwd(), 'db', 'migrations');

/** Applies the committed drizzle-kit migrations; idempotent (drizzle tracks what ran). */
export async function runMigrations(db: Db): Promise<void> {
  await migrate(db, { migrationsFolder });
}
