/**
 * Opens the SQLite database with the settings every connection needs:
 * WAL (readers never wait for the writer), foreign keys on (SQLite leaves
 * them off by default), and a busy timeout so a second process waits for
 * the lock instead of failing at once.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { resolveDatabasePath } from './database-path';
import * as schema from './schema';
import { registerSearchFunctions } from './search-words';

export type Schema = typeof schema;
export type Db = BetterSQLite3Database<Schema>;
export type Sqlite = Database.Database;
/** A prepared statement taking positional parameters. */
export type Statement = Database.Statement<unknown[], unknown>;

export interface DatabaseHandle {
  db: Db;
  sqlite: Sqlite;
  path: string;
  close: () => void;
}

export interface OpenOptions {
  /** A path or file: URL; defaults to DATABASE_URL, then data/clusters-of-skane.db. */
  url?: string;
  readonly?: boolean;
}

export function openDatabase(options: OpenOptions = {}): DatabaseHandle {
  const file = resolveDatabasePath(options.url);
  if (file !== ':memory:' && !options.readonly) mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Database(file, {
    readonly: options.readonly ?? false,
    fileMustExist: options.readonly ?? false,
  });
  applyPragmas(sqlite);
  // The search triggers call them (migration 0014), so every connection that may write needs them.
  registerSearchFunctions(sqlite);
  const db = drizzle(sqlite, { schema });
  return {
    db,
    sqlite,
    path: file,
    close: () => {
      if (sqlite.open) sqlite.close();
    },
  };
}

export function applyPragmas(sqlite: Sqlite): void {
  sqlite.pragma('busy_timeout = 5000');
  if (!sqlite.readonly) sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  // NORMAL is durable in WAL mode except for the last commits on power loss, and much faster.
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('cache_size = -8000');
  sqlite.pragma('temp_store = MEMORY');
}
