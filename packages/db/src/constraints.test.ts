/**
 * The database refuses bad data on its own, whatever code writes to it:
 * each case is asserted with the exact SQLite error.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { members, memberships } from './schema';
import {
  idBySlug,
  insertMember,
  openTestDatabase,
  thrownBy,
  type TestDatabase,
} from './test-support';

let t: TestDatabase;
beforeEach(() => {
  t = openTestDatabase({ seed: true });
});
afterEach(() => {
  t.cleanup();
});

const count = (table: string) =>
  (t.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

/** Asserts fn fails with this SQLite message and error code. */
function expectSqliteError(fn: () => unknown, message: RegExp, code: string) {
  const error = thrownBy(fn) as Error & { code?: string };
  expect(error.message).toMatch(message);
  expect(error.code).toBe(code);
}

describe('members', () => {
  it('refuses a duplicate slug', () => {
    insertMember(t.sqlite, { slug: 'acme', name: 'Acme AB' });
    expectSqliteError(
      () => insertMember(t.sqlite, { slug: 'acme', name: 'Acme Två AB' }),
      /UNIQUE constraint failed: members\.slug/,
      'SQLITE_CONSTRAINT_UNIQUE',
    );
  });

  it('refuses a duplicate organisation number but allows many without one', () => {
    insertMember(t.sqlite, { slug: 'a', organisation_number: '556000-0005' });
    expectSqliteError(
      () => insertMember(t.sqlite, { slug: 'b', organisation_number: '556000-0005' }),
      /UNIQUE constraint failed: members\.organisation_number/,
      'SQLITE_CONSTRAINT_UNIQUE',
    );
    insertMember(t.sqlite, { slug: 'c', organisation_number: null });
    insertMember(t.sqlite, { slug: 'd', organisation_number: null });
    expect(count('members')).toBe(10 + 3);
  });

  it.each(['5560000005', '556000-000', '556000-00055', '55600O-0005', '16556000-0005', ''])(
    'refuses the malformed organisation number %j',
    (orgnr) => {
      expectSqliteError(
        () => insertMember(t.sqlite, { organisation_number: orgnr }),
        /CHECK constraint failed: members_orgnr_format/,
        'SQLITE_CONSTRAINT_CHECK',
      );
    },
  );

  it('accepts an organisation number written NNNNNN-NNNN', () => {
    expect(() => insertMember(t.sqlite, { organisation_number: '556000-0005' })).not.toThrow();
  });

  it.each([
    [{ kind: 'corporation' }, /CHECK constraint failed: members_kind_valid/],
    [{ status: 'deleted' }, /CHECK constraint failed: members_status_valid/],
    [{ size_band: '1000+' }, /CHECK constraint failed: members_size_valid/],
    [{ slug: 'Not A Slug' }, /CHECK constraint failed: members_slug_format/],
    [{ slug: 'malmö' }, /CHECK constraint failed: members_slug_format/],
    [{ name: ' x ' }, /CHECK constraint failed: members_name_not_empty/],
  ])('refuses %j', (row, message) => {
    expectSqliteError(() => insertMember(t.sqlite, row), message, 'SQLITE_CONSTRAINT_CHECK');
  });

  it('refuses a municipality code outside Skåne’s list', () => {
    expectSqliteError(
      () => insertMember(t.sqlite, { municipality_code: '0180' }),
      /FOREIGN KEY constraint failed/,
      'SQLITE_CONSTRAINT_FOREIGNKEY',
    );
  });

  it('refuses "outside Skåne" together with a municipality, and takes either alone', () => {
    insertMember(t.sqlite, { slug: 'i-malmo', municipality_code: '1280' });
    insertMember(t.sqlite, { slug: 'utanfor' });
    const setOutside = (slug: string, value: number) =>
      t.sqlite.prepare('UPDATE members SET outside_skane = ? WHERE slug = ?').run(value, slug);
    expectSqliteError(
      () => setOutside('i-malmo', 1),
      /CHECK constraint failed: members_place_one_answer/,
      'SQLITE_CONSTRAINT_CHECK',
    );
    expectSqliteError(
      () => setOutside('utanfor', 2),
      /CHECK constraint failed: members_place_one_answer/,
      'SQLITE_CONSTRAINT_CHECK',
    );
    setOutside('utanfor', 1);
    const rows = t.sqlite
      .prepare(
        "SELECT slug, outside_skane AS o FROM members WHERE slug IN ('utanfor', 'i-malmo') ORDER BY slug",
      )
      .all();
    expect(rows).toEqual([
      { slug: 'i-malmo', o: 0 },
      { slug: 'utanfor', o: 1 },
    ]);
  });

  // Drizzle wraps errors in DrizzleQueryError only on its async path; with
  // better-sqlite3 the caller gets SQLite's own error, code included, which is
  // what error mapping in the API can rely on. If that changes, this fails.
  it('reaches Drizzle callers as SQLite’s own error, code included', () => {
    const values = {
      slug: 'ericsson',
      name: 'Ericsson igen',
      sortKey: 'ericsson igen',
      kind: 'company' as const,
    };
    expectSqliteError(
      () => t.db.insert(members).values(values).run(),
      /UNIQUE constraint failed: members\.slug/,
      'SQLITE_CONSTRAINT_UNIQUE',
    );
  });
});

describe('memberships and areas', () => {
  it('refuses a membership to a missing cluster', () => {
    const memberId = insertMember(t.sqlite);
    expectSqliteError(
      () =>
        t.sqlite
          .prepare('INSERT INTO memberships (member_id, cluster_id) VALUES (?, ?)')
          .run(memberId, 9999),
      /FOREIGN KEY constraint failed/,
      'SQLITE_CONSTRAINT_FOREIGNKEY',
    );
    expect(count('memberships')).toBe(13); // the seeded founder and agenda links only
  });

  it('refuses a membership of a missing member and a link to a missing area', () => {
    const clusterId = idBySlug(t.sqlite, 'clusters', 'opentech');
    expectSqliteError(
      () =>
        t.sqlite
          .prepare('INSERT INTO memberships (member_id, cluster_id) VALUES (?, ?)')
          .run(9999, clusterId),
      /FOREIGN KEY constraint failed/,
      'SQLITE_CONSTRAINT_FOREIGNKEY',
    );
    const memberId = insertMember(t.sqlite);
    expectSqliteError(
      () =>
        t.sqlite
          .prepare('INSERT INTO member_areas (member_id, area_id) VALUES (?, ?)')
          .run(memberId, 9999),
      /FOREIGN KEY constraint failed/,
      'SQLITE_CONSTRAINT_FOREIGNKEY',
    );
  });

  it('refuses the same membership twice and a since date not written YYYY-MM-DD', () => {
    const memberId = insertMember(t.sqlite);
    const clusterId = idBySlug(t.sqlite, 'clusters', 'opentech');
    const insert = t.sqlite.prepare(
      'INSERT INTO memberships (member_id, cluster_id, since) VALUES (?, ?, ?)',
    );
    expectSqliteError(
      () => insert.run(memberId, clusterId, '2020-1-1'),
      /CHECK constraint failed: memberships_since_format/,
      'SQLITE_CONSTRAINT_CHECK',
    );
    insert.run(memberId, clusterId, '2020-01-01');
    expectSqliteError(
      () => insert.run(memberId, clusterId, null),
      /UNIQUE constraint failed: memberships\.member_id, memberships\.cluster_id/,
      'SQLITE_CONSTRAINT_PRIMARYKEY',
    );
  });

  it('removes a deleted member’s links with it', () => {
    const id = idBySlug(t.sqlite, 'members', 'lunds-universitet');
    t.sqlite.prepare('DELETE FROM members WHERE id = ?').run(id);
    const left = t.sqlite
      .prepare(
        'SELECT (SELECT count(*) FROM memberships WHERE member_id = ?) + (SELECT count(*) FROM member_areas WHERE member_id = ?)',
      )
      .pluck()
      .get(id, id);
    expect(left).toBe(0);
  });
});

describe('clusters', () => {
  it.each([
    ["confidence = 'certain'", /CHECK constraint failed: clusters_confidence_valid/],
    ["status = 'live'", /CHECK constraint failed: clusters_status_valid/],
    ["name = '  '", /CHECK constraint failed: clusters_name_not_empty/],
    ["slug = 'opentech'", /UNIQUE constraint failed: clusters\.slug/],
  ])('refuses an update setting %s', (set, message) => {
    expect(() =>
      t.sqlite.prepare(`UPDATE clusters SET ${set} WHERE slug = 'packbridge'`).run(),
    ).toThrow(message);
  });
});

describe('cluster reported member counts and sources (0016)', () => {
  const thisYear = new Date().getUTCFullYear();
  it.each([
    ['reported_members = -1'],
    ['reported_members = 100001'],
    ['reported_members = 12.5'],
    ["reported_members_qualifier = 'roughly'"],
    ['reported_members_year = 1989'],
    [`reported_members_year = ${thisYear + 1}`],
    ['reported_members = NULL'],
  ])('refuses an update setting %s on a cluster with a count', (set) => {
    expectSqliteError(
      () => t.sqlite.prepare(`UPDATE clusters SET ${set} WHERE slug = 'packbridge'`).run(),
      /CHECK constraint failed: clusters_reported_members_valid/,
      'SQLITE_CONSTRAINT_TRIGGER',
    );
    expect(
      t.sqlite
        .prepare("SELECT reported_members FROM clusters WHERE slug = 'packbridge'")
        .pluck()
        .get(),
    ).toBe(122);
  });

  it('accepts a count alone, and no count at all', () => {
    t.sqlite
      .prepare(
        "UPDATE clusters SET reported_members = 0, reported_members_qualifier = NULL, reported_members_year = NULL WHERE slug = 'packbridge'",
      )
      .run();
    t.sqlite
      .prepare(
        "UPDATE clusters SET reported_members = NULL, reported_members_qualifier = NULL, reported_members_year = NULL WHERE slug = 'opentech'",
      )
      .run();
  });

  it.each([
    ["'  ', NULL, NULL", /CHECK constraint failed: cluster_sources_title_not_empty/],
    ["'Rapport', 1899, NULL", /CHECK constraint failed: cluster_sources_year_valid/],
    ["'Rapport', NULL, 'javascript:alert(1)'", /CHECK constraint failed: cluster_sources_url_http/],
    ["'Rapport', NULL, 'ftp://example.se'", /CHECK constraint failed: cluster_sources_url_http/],
  ])('refuses a source (%s)', (values, message) => {
    const clusterId = idBySlug(t.sqlite, 'clusters', 'opentech');
    expectSqliteError(
      () =>
        t.sqlite
          .prepare(
            `INSERT INTO cluster_sources (cluster_id, position, title_sv, year, url) VALUES (?, 5, ${values})`,
          )
          .run(clusterId),
      message,
      'SQLITE_CONSTRAINT_CHECK',
    );
  });

  it('deletes a cluster’s sources with the cluster', () => {
    const clusterId = idBySlug(t.sqlite, 'clusters', 'iuc-syd');
    expect(count('cluster_sources')).toBe(7);
    t.sqlite.prepare('DELETE FROM clusters WHERE id = ?').run(clusterId);
    expect(count('cluster_sources')).toBe(6);
  });
});

describe('users', () => {
  const insertUser = (id: string, role: string, clusterId: number | null) =>
    t.sqlite
      .prepare(
        `INSERT INTO users (id, name, email, role, cluster_id, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, 0, 0)`,
      )
      .run(id, `User ${id}`, `${id}@example.se`, role, clusterId);

  it('refuses an editor without a cluster and an admin with one', () => {
    const clusterId = idBySlug(t.sqlite, 'clusters', 'opentech');
    expectSqliteError(
      () => insertUser('e1', 'editor', null),
      /CHECK constraint failed: users_role_cluster/,
      'SQLITE_CONSTRAINT_CHECK',
    );
    expectSqliteError(
      () => insertUser('a1', 'admin', clusterId),
      /CHECK constraint failed: users_role_cluster/,
      'SQLITE_CONSTRAINT_CHECK',
    );
    expectSqliteError(
      () => insertUser('x1', 'owner', null),
      /CHECK constraint failed: users_role/,
      'SQLITE_CONSTRAINT_CHECK',
    );
    insertUser('e2', 'editor', clusterId);
    insertUser('a2', 'admin', null);
    expect(count('users')).toBe(2);
  });

  it('refuses a duplicate e-mail and deleting a cluster that still has an editor', () => {
    const clusterId = idBySlug(t.sqlite, 'clusters', 'opentech');
    insertUser('e1', 'editor', clusterId);
    expectSqliteError(
      () =>
        t.sqlite
          .prepare(
            `INSERT INTO users (id, name, email, role, created_at, updated_at)
             VALUES ('e2', 'Other', 'e1@example.se', 'admin', 0, 0)`,
          )
          .run(),
      /UNIQUE constraint failed: users\.email/,
      'SQLITE_CONSTRAINT_UNIQUE',
    );
    expectSqliteError(
      () => t.sqlite.prepare('DELETE FROM clusters WHERE id = ?').run(clusterId),
      /FOREIGN KEY constraint failed/,
      // ON DELETE RESTRICT is enforced by SQLite as a trigger, hence the code.
      'SQLITE_CONSTRAINT_TRIGGER',
    );
    expect(count('clusters')).toBe(7);
  });
});

describe('articles', () => {
  const insertArticle = (slug: string, cover: string | null, altSv: string | null) =>
    t.sqlite
      .prepare(
        `INSERT INTO articles (slug, title_sv, cover_src, cover_alt_sv, created_at, updated_at)
         VALUES (?, 'Rubrik', ?, ?, '2024-01-01', '2024-01-01')`,
      )
      .run(slug, cover, altSv);

  it.each([null, '', '   '])('refuses a cover image with the alt text %j', (alt) => {
    expectSqliteError(
      () => insertArticle('no-alt', '/images/cover.jpg', alt),
      /CHECK constraint failed: articles_cover_has_alt/,
      'SQLITE_CONSTRAINT_CHECK',
    );
  });

  it('accepts a cover with alt text, and an article without a cover', () => {
    insertArticle('with-alt', '/images/cover.jpg', 'Två personer vid en whiteboard.');
    insertArticle('no-cover', null, null);
    expect(count('articles')).toBe(3);
  });

  it('refuses a bad status, an empty title and a duplicate slug', () => {
    expect(() => t.sqlite.prepare("UPDATE articles SET status = 'hidden'").run()).toThrow(
      /CHECK constraint failed: articles_status_valid/,
    );
    expect(() => t.sqlite.prepare("UPDATE articles SET title_sv = ' '").run()).toThrow(
      /CHECK constraint failed: articles_title_not_empty/,
    );
    insertArticle('dup', null, null);
    expect(() => insertArticle('dup', null, null)).toThrow(
      /UNIQUE constraint failed: articles\.slug/,
    );
  });
});

describe('a failing statement inside a transaction', () => {
  it('leaves nothing written (Drizzle transaction)', () => {
    const before = { members: count('members'), search: count('member_search') };
    const error = thrownBy(() =>
      t.db.transaction((tx) => {
        const inserted = tx
          .insert(members)
          .values({
            slug: 'half-done',
            name: 'Half Done AB',
            sortKey: 'half done ab',
            kind: 'company',
          })
          .returning({ id: members.id })
          .get();
        tx.insert(memberships).values({ memberId: inserted.id, clusterId: 9999 }).run();
      }),
    );
    expect(error.message).toMatch(/FOREIGN KEY constraint failed/);
    expect(count('members')).toBe(before.members);
    expect(count('member_search')).toBe(before.search);
    expect(
      t.sqlite.prepare("SELECT id FROM members WHERE slug = 'half-done'").get(),
    ).toBeUndefined();
  });

  it('leaves nothing written (better-sqlite3 transaction)', () => {
    const before = count('members');
    const importAll = t.sqlite.transaction((rows: { slug: string; orgnr: string }[]) => {
      for (const r of rows) insertMember(t.sqlite, { slug: r.slug, organisation_number: r.orgnr });
    });
    expectSqliteError(
      () =>
        importAll([
          { slug: 'first', orgnr: '556000-0005' },
          { slug: 'second', orgnr: '556000-0013' },
          { slug: 'third', orgnr: '556000-0005' },
        ]),
      /UNIQUE constraint failed: members\.organisation_number/,
      'SQLITE_CONSTRAINT_UNIQUE',
    );
    expect(count('members')).toBe(before);
    expect(t.sqlite.inTransaction).toBe(false);
  });
});
