import { defineConfig } from 'drizzle-kit';

// One ordered stream of generated, reviewed SQL migrations for PGlite and PostgreSQL alike.
export default defineConfig({
  dialect: 'postgresql',
  schema: ['./src/core/server/db/schema.ts', './src/domains/*/server/*.tables.ts'],
  out: './db/migrations',
  migrations: { prefix: 'timestamp' },
});
