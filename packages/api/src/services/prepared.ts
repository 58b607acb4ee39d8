/**
 * Helpers for the services' Drizzle prepared statements. Statements are
 * prepared on first use, once per service instance, and then only bound and
 * run: preparing is the costly part of a small query.
 */
import type { Db } from '@cos/db';
import { and, eq, ne, sql, type SQL } from 'drizzle-orm';
import type { AnySQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';

/**
 * A named parameter of a prepared statement, as SQL so it fits where Drizzle's
 * types want a value (an update's set, an expression). The value is bound as
 * given, without a column's encoder.
 */
export const param = (name: string): SQL => sql`${sql.placeholder(name)}`;

/** One named parameter per column, for an insert's values or an update's set. */
export function placeholders<C extends string>(columns: readonly C[]): Record<C, SQL> {
  return Object.fromEntries(columns.map((c) => [c, param(c)])) as Record<C, SQL>;
}

/** A versioned table: every edit is checked against, and bumps, its version. */
type VersionedTable = SQLiteTable & { id: AnySQLiteColumn; version: AnySQLiteColumn };

/**
 * The optimistic check of every versioned write: the row as the editor saw
 * it, so a write that slipped in between changes no row.
 */
export function byIdAndVersion(table: VersionedTable): SQL | undefined {
  return and(eq(table.id, sql.placeholder('id')), eq(table.version, sql.placeholder('version')));
}

/** A new row's bookkeeping: the first version, written now. */
export const firstVersion = () => ({
  version: 1,
  createdAt: param('now'),
  updatedAt: param('now'),
});

/** What every edit of a row also sets: the next version, written now. */
export const nextVersion = (table: VersionedTable) => ({
  version: sql`${table.version} + 1`,
  updatedAt: param('now'),
});

/** Whether a row with the id exists (a reference check before a write). */
export function existsById(db: Db, table: SQLiteTable & { id: AnySQLiteColumn }) {
  return db
    .select({ id: table.id })
    .from(table)
    .where(eq(table.id, sql.placeholder('id')))
    .prepare();
}

/** Slug lookups: for choosing a free slug, and for refusing one another row has. */
export function slugStatements(
  db: Db,
  table: SQLiteTable & { id: AnySQLiteColumn; slug: AnySQLiteColumn },
) {
  const slug = sql.placeholder('slug');
  return {
    slugTaken: db.select({ id: table.id }).from(table).where(eq(table.slug, slug)).prepare(),
    slugElsewhere: db
      .select({ id: table.id })
      .from(table)
      .where(and(eq(table.slug, slug), ne(table.id, sql.placeholder('self'))))
      .prepare(),
  };
}

/**
 * Builds the statements on first use rather than in the constructor: the
 * services may be created before the migrations have made the tables.
 */
export function onFirstUse<T>(build: () => T): () => T {
  let built: T | undefined;
  return () => (built ??= build());
}

/**
 * Prepared statements for a query whose WHERE clause varies with the filters
 * given: one per combination of filters (a handful), kept for reuse.
 */
export class ShapeCache<T> {
  private readonly byShape = new Map<string, T>();

  get(shape: string, build: () => T): T {
    let statement = this.byShape.get(shape);
    if (!statement) {
      statement = build();
      this.byShape.set(shape, statement);
    }
    return statement;
  }
}
