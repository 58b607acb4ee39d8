/**
 * Helpers for this package's tests only (not exported from the package):
 * every test gets a real SQLite file in its own temp folder, never the
 * default data/ file, and removes it afterwards.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, type DatabaseHandle, type Sqlite } from './client';
import { migrationsFolder, runMigrations } from './migrate';
import { seedDefaultData } from './seed';

export function makeTempDir(): string {
  return mkdtempSync(path.join(os.tmpdir(), 'cos-db-test-'));
}

/**
 * A copy (in `dir`) of the committed migrations up to, not including, the one
 * whose tag starts with `before`: a register as it was before that migration.
 */
export function migrationsBefore(dir: string, before: string): string {
  const folder = path.join(dir, 'drizzle');
  cpSync(migrationsFolder(), folder, { recursive: true });
  const file = path.join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(file, 'utf8')) as { entries: { tag: string }[] };
  const at = journal.entries.findIndex((e) => e.tag.startsWith(before));
  if (at <= 0) throw new Error(`No migration tagged ${before}… after the first`);
  journal.entries = journal.entries.slice(0, at);
  writeFileSync(file, JSON.stringify(journal));
  return folder;
}

export interface TestDatabase extends DatabaseHandle {
  dir: string;
  /** Closes the connection and deletes the temp folder with the file and its WAL. */
  cleanup: () => void;
}

export interface TestDatabaseOptions {
  /** Apply the committed migrations (default true). */
  migrate?: boolean;
  /** Load the default data after migrating (default false). */
  seed?: boolean;
}

export function openTestDatabase(options: TestDatabaseOptions = {}): TestDatabase {
  const { migrate = true, seed = false } = options;
  const dir = makeTempDir();
  const handle = openDatabase({ url: path.join(dir, 'test.db') });
  if (migrate) runMigrations(handle.db);
  if (seed) seedDefaultData(handle.db);
  return {
    ...handle,
    dir,
    cleanup: () => {
      handle.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Every table SQLite holds (including sqlite_sequence and the FTS5 shadow tables), by name. */
export function tableNames(sqlite: Sqlite): string[] {
  return (
    sqlite.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").all() as {
      name: string;
    }[]
  ).map((r) => r.name);
}

/**
 * A full dump: every row of every table as JSON, sorted, so two dumps are
 * equal exactly when the stored data is. (Some FTS5 shadow tables are
 * WITHOUT ROWID, so rows are sorted by content rather than by rowid.)
 */
export function dumpDatabase(sqlite: Sqlite): Record<string, string[]> {
  const dump: Record<string, string[]> = {};
  for (const name of tableNames(sqlite)) {
    const rows = sqlite.prepare(`SELECT * FROM "${name}"`).all();
    dump[name] = rows.map((row) => JSON.stringify(row)).sort();
  }
  return dump;
}

export interface MemberRow {
  slug: string;
  name: string;
  organisation_number: string | null;
  kind: string;
  size_band: string | null;
  municipality_code: string | null;
  description_sv: string;
  description_en: string;
  status: string;
  is_demo: number;
}

const MEMBER_DEFAULTS: MemberRow = {
  slug: 'test-member',
  name: 'Test Member AB',
  organisation_number: null,
  kind: 'company',
  size_band: null,
  municipality_code: null,
  description_sv: '',
  description_en: '',
  status: 'published',
  is_demo: 0,
};

/** Inserts a member with plain SQL (so constraint errors come straight from SQLite); returns its id. */
export function insertMember(sqlite: Sqlite, row: Partial<MemberRow> = {}): number {
  const m = { ...MEMBER_DEFAULTS, ...row };
  const now = '2024-01-01T00:00:00.000Z';
  const result = sqlite
    .prepare(
      `INSERT INTO members (slug, name, sort_key, organisation_number, kind, size_band,
         municipality_code, description_sv, description_en, status, is_demo, created_at, updated_at)
       VALUES (@slug, @name, @sort_key, @organisation_number, @kind, @size_band,
         @municipality_code, @description_sv, @description_en, @status, @is_demo, @now, @now)`,
    )
    .run({ ...m, sort_key: m.name.toLowerCase(), now });
  return Number(result.lastInsertRowid);
}

export function idBySlug(sqlite: Sqlite, table: 'areas' | 'clusters' | 'members', slug: string) {
  const row = sqlite.prepare(`SELECT id FROM ${table} WHERE slug = ?`).get(slug) as
    { id: number } | undefined;
  if (!row) throw new Error(`No ${table} row with slug ${slug}`);
  return row.id;
}

/** Runs fn and returns what it threw (fails the test when it throws nothing). */
export function thrownBy(fn: () => unknown): Error {
  try {
    fn();
  } catch (error) {
    if (error instanceof Error) return error;
    throw new Error(`Threw a non-Error: ${String(error)}`, { cause: error });
  }
  throw new Error('Expected the call to throw, but it returned');
}
