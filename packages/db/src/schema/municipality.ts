import { sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** Skåne's 33 municipalities by official code (seeded from the domain list). */
export const municipalities = sqliteTable('municipalities', {
  code: text('code').primaryKey(),
  name: text('name').notNull().unique(),
});
