/**
 * CHECK constraints built from the domain's vocabularies (@cos/domain), so the
 * database refuses exactly the values the schemas refuse and a new kind or
 * status is added in one place. The values are written into the SQL as
 * literals: a CHECK cannot take parameters, and drizzle-kit copies the text
 * into the migration, which stays byte for byte what it was before.
 */
import { type SQL, sql } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';

/** A string as an SQL literal: single quotes, inner quotes doubled. */
const literal = (value: string) => `'${value.replaceAll("'", "''")}'`;

/** `column in ('a','b',…)` for one of the domain's closed lists. */
export function isOneOf(column: SQLiteColumn, values: readonly string[]): SQL {
  return sql`${column} in (${sql.raw(values.map(literal).join(','))})`;
}
