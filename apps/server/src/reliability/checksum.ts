/**
 * Checksums over every row of every table (FTS shadow tables included), so a
 * test can say "nothing in the database changed" — and which table did when
 * something did. Rows are sorted by content because some FTS5 shadow tables
 * are WITHOUT ROWID.
 */
import { createHash } from 'node:crypto';
import type { Sqlite } from '@cos/db';

/** sha256 of each table's rows, by table name. */
export function checksumTables(sqlite: Sqlite): Record<string, string> {
  const tables = sqlite
    .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
    .pluck()
    .all() as string[];
  const out: Record<string, string> = {};
  for (const name of tables) {
    const rows = sqlite
      .prepare(`SELECT * FROM "${name.replaceAll('"', '""')}"`)
      .raw()
      .all()
      .map((row) =>
        JSON.stringify(row, (_key, value: unknown) =>
          Buffer.isBuffer(value) ? value.toString('hex') : value,
        ),
      )
      .sort();
    out[name] = createHash('sha256')
      .update(`${name}\n${rows.join('\n')}`)
      .digest('hex');
  }
  return out;
}

/**
 * The sign-in limiter's own bookkeeping (sign_in_* tables) counts every
 * sign-in attempt, junk or not, on purpose: "bad input changes nothing"
 * means nothing in the data, so these tables are left out of that check.
 */
const BOOKKEEPING = /^sign_in_/;

/** checksumTables without the limiter's bookkeeping: what bad input must never change. */
export function checksumDataTables(sqlite: Sqlite): Record<string, string> {
  return Object.fromEntries(
    Object.entries(checksumTables(sqlite)).filter(([name]) => !BOOKKEEPING.test(name)),
  );
}

/** One sha256 over all tables: equal exactly when the stored data is. */
export function checksumDatabase(sqlite: Sqlite): string {
  return createHash('sha256')
    .update(JSON.stringify(checksumTables(sqlite)))
    .digest('hex');
}
