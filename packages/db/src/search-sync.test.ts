import { afterEach, describe, expect, it } from 'vitest';
import { generateDemoData } from './demo/generate';
import { indexMembersAfter, lastMemberId, withSearchSyncPaused } from './search-sync';
import { openTestDatabase, type TestDatabase } from './test-support';

const dumpSearch = (db: TestDatabase) =>
  db.sqlite
    .prepare('SELECT rowid, name, description, areas, clusters FROM member_search ORDER BY rowid')
    .all();

let db: TestDatabase | undefined;
afterEach(() => db?.cleanup());

describe('bulk search sync', () => {
  it('gives the same index as the row-by-row triggers', () => {
    db = openTestDatabase({ seed: true });
    const { sqlite } = db;
    const insert = () => {
      const { lastInsertRowid } = sqlite
        .prepare(
          "INSERT INTO members (slug, name, sort_key, kind, status, description_sv, description_en, created_at, updated_at) VALUES ('ostra-pack', 'Östra Pack AB', 'x', 'company', 'published', 'Förpackning', 'Packaging', 'now', 'now')",
        )
        .run();
      sqlite
        .prepare('INSERT INTO member_areas (member_id, area_id) VALUES (?, 1)')
        .run(lastInsertRowid);
      sqlite
        .prepare('INSERT INTO memberships (member_id, cluster_id) VALUES (?, 1)')
        .run(lastInsertRowid);
    };
    sqlite.transaction(insert)();
    const byTriggers = dumpSearch(db);
    sqlite.prepare("DELETE FROM members WHERE slug = 'ostra-pack'").run();

    sqlite.transaction(() => {
      const before = lastMemberId(sqlite);
      withSearchSyncPaused(sqlite, insert);
      // While paused nothing was indexed for the new member.
      expect(
        sqlite.prepare('SELECT count(*) AS n FROM member_search WHERE rowid > ?').get(before),
      ).toEqual({ n: 0 });
      indexMembersAfter(sqlite, before);
    })();
    const byBulk = dumpSearch(db);
    expect(byBulk.map((r) => ({ ...(r as object), rowid: 0 }))).toEqual(
      byTriggers.map((r) => ({ ...(r as object), rowid: 0 })),
    );
    expect(sqlite.prepare('SELECT count(*) AS n FROM search_sync_paused').get()).toEqual({ n: 0 });
  });

  it('refuses to pause outside a transaction, and a failed bulk leaves triggers active', () => {
    db = openTestDatabase({ seed: true });
    const { sqlite } = db;
    expect(() => withSearchSyncPaused(sqlite, () => 1)).toThrow(/inside a transaction/);
    expect(() =>
      sqlite.transaction(() =>
        withSearchSyncPaused(sqlite, () => {
          throw new Error('boom');
        }),
      )(),
    ).toThrow('boom');
    expect(sqlite.prepare('SELECT count(*) AS n FROM search_sync_paused').get()).toEqual({ n: 0 });
    sqlite
      .prepare(
        "INSERT INTO members (slug, name, sort_key, kind, created_at, updated_at) VALUES ('later', 'Later Labs', 'later labs', 'company', 'now', 'now')",
      )
      .run();
    expect(
      sqlite
        .prepare("SELECT count(*) AS n FROM member_search WHERE member_search MATCH 'later'")
        .get(),
    ).toEqual({ n: 1 });
  });

  it('demo data generated in bulk is fully searchable and the index matches the members', () => {
    db = openTestDatabase({ seed: true });
    generateDemoData(db.sqlite, { count: 300, seed: 3 });
    const members = db.sqlite.prepare('SELECT count(*) AS n FROM members').get() as { n: number };
    expect(db.sqlite.prepare('SELECT count(*) AS n FROM member_search').get()).toEqual(members);
    expect(
      db.sqlite.prepare("INSERT INTO member_search(member_search) VALUES ('integrity-check')").run()
        .changes,
    ).toBeGreaterThanOrEqual(0);
    const someone = db.sqlite
      .prepare('SELECT name FROM members WHERE is_demo = 1 LIMIT 1')
      .get() as { name: string };
    const word = someone.name.split(' ')[0] ?? '';
    expect(
      (
        db.sqlite
          .prepare('SELECT count(*) AS n FROM member_search WHERE member_search MATCH ?')
          .get(`"${word}"`) as { n: number }
      ).n,
    ).toBeGreaterThan(0);
  });
});
