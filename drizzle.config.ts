import { defineConfig } from 'drizzle-kit';

// Migrations are generated from db/schema and committed; they are applied by
// scripts/migrate.ts (through the app's own driver), not by drizzle-kit push.
export default defineConfig({
  dialect: 'postgresql',
  schema: './db/schema/index.ts',
  out: './db/migrations',
  casing: 'snake_case',
});
