/**
 * Helpers for the services' Drizzle prepared statements. Statements are
 * prepared on first use, once per service instance, and then only bound and
 * run: preparing is the costly part of a small query.
 */
import { sql, type SQL } from 'drizzle-orm';

/**
 * A named parameter of a prepared statement, as SQL so it fits where Drizzle's
 * types want a value (an update's set, an expression). The value is bound as
 * given, without a column's encoder.
 */
export const param = (name: string): SQL => sql`${sql.placeholder(name)}`;

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
