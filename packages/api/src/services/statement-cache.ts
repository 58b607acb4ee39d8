/** Prepared statements cached by their SQL text: preparing is the costly part of a small query. */
import type { Sqlite, Statement } from '@cos/db';

export class StatementCache {
  private readonly statements = new Map<string, Statement>();
  constructor(readonly sqlite: Sqlite) {}

  get(sql: string): Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.sqlite.prepare<unknown[]>(sql);
      // Directory queries vary by filter combination; bound the cache all the same.
      if (this.statements.size > 500) this.statements.clear();
      this.statements.set(sql, statement);
    }
    return statement;
  }

  /** Rows as arrays of column values (no object per row): for scans of many rows. */
  rows<T extends unknown[]>(sql: string, params: unknown[] = []): T[] {
    const key = `raw:${sql}`;
    let statement = this.statements.get(key);
    if (!statement) {
      statement = this.sqlite.prepare<unknown[]>(sql).raw(true);
      this.statements.set(key, statement);
    }
    return statement.all(...params) as T[];
  }

  all<T>(sql: string, params: unknown[] = []): T[] {
    return this.get(sql).all(...params) as T[];
  }

  one<T>(sql: string, params: unknown[] = []): T | undefined {
    return this.get(sql).get(...params) as T | undefined;
  }
}
