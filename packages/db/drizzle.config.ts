import { defineConfig } from 'drizzle-kit';

// Migrations are generated from the schema and committed; the app applies
// them with migrate(), never `drizzle-kit push`.
export default defineConfig({
  dialect: 'sqlite',
  schema: './src/schema/index.ts',
  out: './drizzle',
});
