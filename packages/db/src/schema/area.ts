import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { recordColumns } from './columns';

/** The six specialisation areas. */
export const areas = sqliteTable(
  'areas',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    slug: text('slug').notNull().unique(),
    nameSv: text('name_sv').notNull(),
    nameEn: text('name_en').notNull().default(''),
    summarySv: text('summary_sv').notNull().default(''),
    summaryEn: text('summary_en').notNull().default(''),
    sortOrder: integer('sort_order').notNull().default(0),
    ...recordColumns,
  },
  (t) => [
    index('areas_sort_order_idx').on(t.sortOrder),
    check('areas_name_sv_not_empty', sql`length(trim(${t.nameSv})) > 0`),
  ],
);
