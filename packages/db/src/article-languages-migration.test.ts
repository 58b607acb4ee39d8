/**
 * Migration 0018 on a register that was running before it: articles had one
 * slug and tags one word. The launch article gets its English slug, every
 * tag in use gets a row, and the tags the site used to translate from a fixed
 * list keep their English names.
 */
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from './client';
import { runMigrations } from './migrate';
import { makeTempDir, migrationsBefore } from './test-support';

let dir: string;
let handle: DatabaseHandle;

const addArticle = (slug: string, tags: string[]) => {
  const { lastInsertRowid } = handle.sqlite
    .prepare(
      `INSERT INTO articles (slug, title_sv, status, created_at, updated_at)
       VALUES (?, ?, 'published', '2024-01-01', '2024-01-01')`,
    )
    .run(slug, slug);
  for (const tag of tags)
    handle.sqlite
      .prepare('INSERT INTO article_tags (article_id, tag) VALUES (?, ?)')
      .run(lastInsertRowid, tag);
};

beforeEach(() => {
  dir = makeTempDir();
  handle = openDatabase({ url: path.join(dir, 'before.db') });
});
afterEach(() => handle.close());

describe('migration 0018 (article languages) on an existing register', () => {
  it('gives the launch article its English slug and every tag in use a row', () => {
    runMigrations(handle.db, migrationsBefore(dir, '0018'));
    addArticle('clusters-of-skane-ny-plattform-for-samarbete', [
      'plattform',
      'innovationsstrategi',
    ]);
    addArticle('livsmedelsdagen', ['plattform', 'livsmedelsdagen']);
    const scopeBefore = handle.sqlite
      .prepare("SELECT version FROM data_scopes WHERE name = 'articles'")
      .pluck()
      .get() as number;

    runMigrations(handle.db);

    expect(handle.sqlite.prepare('SELECT slug, slug_en FROM articles ORDER BY slug').all()).toEqual(
      [
        {
          slug: 'clusters-of-skane-ny-plattform-for-samarbete',
          slug_en: 'clusters-of-skane-a-new-platform-for-collaboration',
        },
        { slug: 'livsmedelsdagen', slug_en: null },
      ],
    );
    expect(handle.sqlite.prepare('SELECT tag, name_en FROM tags ORDER BY tag').all()).toEqual([
      { tag: 'innovationsstrategi', name_en: 'innovation strategy' },
      { tag: 'livsmedelsdagen', name_en: '' },
      { tag: 'plattform', name_en: 'platform' },
    ]);
    // A tag name is the news's data: changing one moves the articles' scope.
    handle.sqlite
      .prepare("UPDATE tags SET name_en = 'food day' WHERE tag = 'livsmedelsdagen'")
      .run();
    expect(
      handle.sqlite
        .prepare("SELECT version FROM data_scopes WHERE name = 'articles'")
        .pluck()
        .get(),
    ).toBeGreaterThan(scopeBefore);
    // One English address per article.
    expect(() =>
      handle.sqlite
        .prepare(
          "UPDATE articles SET slug_en = 'clusters-of-skane-a-new-platform-for-collaboration' WHERE slug = 'livsmedelsdagen'",
        )
        .run(),
    ).toThrow(/UNIQUE constraint failed/);
  });
});
