/** Applies the committed SQL migrations in ./drizzle (never `push`). */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import type { Db } from './client';

/** The migrations folder: beside the package source, or MIGRATIONS_DIR for bundled builds. */
export function migrationsFolder(): string {
  const fromEnv = process.env.MIGRATIONS_DIR;
  if (fromEnv) return path.resolve(fromEnv);
  const candidates = [
    path.resolve(import.meta.dirname, '../drizzle'),
    path.resolve(import.meta.dirname, 'drizzle'),
  ];
  const found = candidates.find((c) => existsSync(path.join(c, 'meta', '_journal.json')));
  if (!found) throw new Error(`No migrations folder found (looked in ${candidates.join(', ')})`);
  return found;
}

export function runMigrations(db: Db, folder = migrationsFolder()): void {
  migrate(db, { migrationsFolder: folder });
}
