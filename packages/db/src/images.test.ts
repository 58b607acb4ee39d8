/**
 * The images table and the image columns of clusters, members and articles
 * (migration 0004): the database itself refuses an image without alt text, a
 * reference to an image never uploaded, and deleting an image in use.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { insertMember, openTestDatabase, thrownBy, type TestDatabase } from './test-support';

let t: TestDatabase;
beforeEach(() => {
  t = openTestDatabase({ seed: true });
});
afterEach(() => {
  t.cleanup();
});

const hash = 'ab'.repeat(32);
const insertImage = (h = hash, type = 'image/png') =>
  t.sqlite
    .prepare(
      `INSERT INTO images (hash, type, width, height, bytes, widths, created_at)
       VALUES (?, ?, 400, 200, 1234, '[96,192,384,400]', '2026-01-01')`,
    )
    .run(h, type);

function expectSqliteError(fn: () => unknown, message: RegExp, code: string) {
  const error = thrownBy(fn) as Error & { code?: string };
  expect(error.message).toMatch(message);
  expect(error.code).toBe(code);
}

describe('images', () => {
  it('keeps one row per content hash and only the accepted types', () => {
    insertImage();
    expectSqliteError(
      () => insertImage(),
      /UNIQUE constraint failed: images\.hash/,
      'SQLITE_CONSTRAINT_PRIMARYKEY',
    );
    expectSqliteError(
      () => insertImage('cd'.repeat(32), 'image/svg+xml'),
      /images_type_valid/,
      'SQLITE_CONSTRAINT_CHECK',
    );
    expectSqliteError(() => insertImage('../x'), /images_hash_format/, 'SQLITE_CONSTRAINT_CHECK');
  });
});

describe('logos and covers', () => {
  beforeEach(() => insertImage());

  it.each(['clusters', 'members'])('%s: a logo needs Swedish alt text', (table) => {
    const id = table === 'members' ? insertMember(t.sqlite, { slug: 'acme', name: 'Acme AB' }) : 1;
    const set = t.sqlite.prepare(
      `UPDATE ${table} SET logo_image = ?, logo_alt_sv = ? WHERE id = ?`,
    );
    expectSqliteError(
      () => set.run(hash, '  ', id),
      new RegExp(`${table}_logo_has_alt`),
      'SQLITE_CONSTRAINT_CHECK',
    );
    set.run(hash, 'Logotyp', id);
    expect(t.sqlite.prepare(`SELECT logo_image AS h FROM ${table} WHERE id = ?`).get(id)).toEqual({
      h: hash,
    });
  });

  it('refuses a logo that was never uploaded, and deleting an image in use', () => {
    const set = t.sqlite.prepare(
      `UPDATE clusters SET logo_image = ?, logo_alt_sv = 'Logo' WHERE id = 1`,
    );
    expectSqliteError(
      () => set.run('ef'.repeat(32)),
      /FOREIGN KEY constraint failed/,
      'SQLITE_CONSTRAINT_FOREIGNKEY',
    );
    set.run(hash);
    expectSqliteError(
      () => t.sqlite.prepare('DELETE FROM images WHERE hash = ?').run(hash),
      /FOREIGN KEY constraint failed/,
      // ON DELETE RESTRICT is enforced at once, reported as a trigger-kind constraint.
      'SQLITE_CONSTRAINT_TRIGGER',
    );
  });

  it('an article cover: alt text required, and an upload or an address, not both', () => {
    const insert = t.sqlite.prepare(
      `INSERT INTO articles (slug, title_sv, cover_src, cover_image, cover_alt_sv, created_at, updated_at)
       VALUES (?, 'Rubrik', ?, ?, ?, '2024-01-01', '2024-01-01')`,
    );
    expectSqliteError(
      () => insert.run('a', null, hash, ''),
      /articles_cover_image_has_alt/,
      'SQLITE_CONSTRAINT_CHECK',
    );
    expectSqliteError(
      () => insert.run('b', '/x.jpg', hash, 'Bild'),
      /articles_cover_one_source/,
      'SQLITE_CONSTRAINT_CHECK',
    );
    insert.run('c', null, hash, 'Ett kontor');
  });
});
