/** Columns every editable record shares: optimistic-locking version and timestamps. */
import { integer, text } from 'drizzle-orm/sqlite-core';

/** ISO 8601 in UTC; text sorts chronologically and reads well in exports. */
export const nowIso = () => new Date().toISOString();

export const recordColumns = {
  version: integer('version').notNull().default(1),
  createdAt: text('created_at').notNull().$defaultFn(nowIso),
  updatedAt: text('updated_at').notNull().$defaultFn(nowIso),
};
