import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SCOPE_TABLES } from './change-tracking';
import { openDatabase } from './client';
import { migrationsFolder, runMigrations } from './migrate';
import { seedDefaultData } from './seed';
import { dumpDatabase, makeTempDir, tableNames } from './test-support';

const APP_TABLES = [
  'accounts',
  'areas',
  'article_tags',
  'articles',
  'audit_log',
  'cluster_areas',
  'cluster_contacts',
  'cluster_sources',
  'clusters',
  'data_scopes',
  'demo_presence',
  'member_areas',
  'member_changes',
  'member_search',
  'member_stems',
  'search_terms',
  'members',
  'memberships',
  'municipalities',
  'sessions',
  'sign_in_account_limits',
  'sign_in_address_limits',
  'sign_in_known_addresses',
  'users',
  'verifications',
];

const SEARCH_TRIGGERS = [
  'areas_search_au',
  'clusters_search_au',
  'member_areas_search_ad',
  'member_areas_search_ai',
  'members_search_ad',
  'members_search_ai',
  'members_search_au',
  'members_stems_ad',
  'members_stems_ai',
  'members_stems_au',
  'memberships_search_ad',
  'memberships_search_ai',
];

/** Change tracking (0005): insert, update and delete triggers on every table of a scope. */
const SCOPE_TRIGGERS = [
  ...Object.values(SCOPE_TABLES).flatMap((tables) =>
    tables.flatMap((t) => [`${t}_scope_d`, `${t}_scope_i`, `${t}_scope_u`]),
  ),
  'member_changes_prune',
  'search_sync_resumed_scope',
  'search_sync_resumed_demo_scope',
  'members_demo_presence_d',
  'members_demo_presence_i',
  'members_demo_presence_u',
  // Checks of the reported member count (0016), as triggers: SQLite cannot add a CHECK to a table.
  'clusters_reported_members_check_i',
  'clusters_reported_members_check_u',
];

describe('runMigrations from an empty file', () => {
  let dir: string;
  beforeEach(() => {
    dir = makeTempDir();
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('creates every table, the FTS5 search table and its triggers', () => {
    const handle = openDatabase({ url: path.join(dir, 'a.db') });
    try {
      expect(tableNames(handle.sqlite)).toEqual([]);
      runMigrations(handle.db);
      const tables = tableNames(handle.sqlite);
      for (const table of APP_TABLES) expect(tables).toContain(table);
      expect(tables).toContain('__drizzle_migrations');
      const search = handle.sqlite
        .prepare("SELECT sql FROM sqlite_schema WHERE name = 'member_search'")
        .get() as { sql: string };
      expect(search.sql).toMatch(/USING fts5/i);
      expect(search.sql).toMatch(/unicode61 remove_diacritics 2/);
      const triggers = (
        handle.sqlite
          .prepare("SELECT name FROM sqlite_schema WHERE type = 'trigger' ORDER BY name")
          .all() as { name: string }[]
      ).map((r) => r.name);
      expect(triggers).toEqual([...SEARCH_TRIGGERS, ...SCOPE_TRIGGERS].sort());
    } finally {
      handle.close();
    }
  });

  it('records each journal entry once', () => {
    const handle = openDatabase({ url: path.join(dir, 'a.db') });
    try {
      runMigrations(handle.db);
      const journal = JSON.parse(
        readFileSync(path.join(migrationsFolder(), 'meta', '_journal.json'), 'utf8'),
      ) as { entries: unknown[] };
      const applied = handle.sqlite.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get();
      expect(applied).toEqual({ n: journal.entries.length });
      expect(journal.entries.length).toBeGreaterThanOrEqual(2);
    } finally {
      handle.close();
    }
  });

  it('opens every connection with WAL, foreign keys on and a busy timeout', () => {
    const file = path.join(dir, 'nested', 'deeper', 'a.db');
    const handle = openDatabase({ url: file });
    try {
      runMigrations(handle.db);
      expect(handle.path).toBe(file);
      expect(existsSync(file)).toBe(true);
      expect(handle.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(handle.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(handle.sqlite.pragma('busy_timeout', { simple: true })).toBe(5000);
      expect(handle.sqlite.pragma('synchronous', { simple: true })).toBe(1); // NORMAL
    } finally {
      handle.close();
    }
    // A second connection gets the same settings (pragmas other than WAL are per connection).
    const again = openDatabase({ url: file });
    try {
      expect(again.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(again.sqlite.pragma('busy_timeout', { simple: true })).toBe(5000);
    } finally {
      again.close();
    }
  });

  it('is harmless to run twice: same schema, same data', () => {
    const handle = openDatabase({ url: path.join(dir, 'a.db') });
    try {
      runMigrations(handle.db);
      seedDefaultData(handle.db);
      const schemaSql = () =>
        handle.sqlite.prepare('SELECT type, name, sql FROM sqlite_schema ORDER BY name').all();
      const schemaBefore = schemaSql();
      const dataBefore = dumpDatabase(handle.sqlite);
      expect(() => runMigrations(handle.db)).not.toThrow();
      expect(schemaSql()).toEqual(schemaBefore);
      expect(dumpDatabase(handle.sqlite)).toEqual(dataBefore);
    } finally {
      handle.close();
    }
  });

  it('opens read-only without creating the file, and refuses writes', () => {
    const file = path.join(dir, 'ro.db');
    expect(() => openDatabase({ url: file, readonly: true })).toThrow(/unable to open/i);
    expect(existsSync(file)).toBe(false);
    const writer = openDatabase({ url: file });
    runMigrations(writer.db);
    writer.close();
    const reader = openDatabase({ url: file, readonly: true });
    try {
      expect(reader.sqlite.prepare('SELECT count(*) AS n FROM members').get()).toEqual({ n: 0 });
      expect(() => reader.sqlite.prepare("DELETE FROM members WHERE slug = 'x'").run()).toThrow(
        /readonly/i,
      );
    } finally {
      reader.close();
      reader.close(); // closing twice is allowed
    }
  });
});

describe('migrationsFolder', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('finds the committed drizzle folder beside the source', () => {
    const folder = migrationsFolder();
    expect(folder).toBe(path.resolve(import.meta.dirname, '..', 'drizzle'));
    expect(existsSync(path.join(folder, '0001_member-search.sql'))).toBe(true);
  });

  it('honours MIGRATIONS_DIR for bundled builds', () => {
    vi.stubEnv('MIGRATIONS_DIR', 'some/where');
    expect(migrationsFolder()).toBe(path.resolve('some/where'));
  });
});
