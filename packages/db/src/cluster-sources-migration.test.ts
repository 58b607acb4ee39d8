/**
 * Migration 0016 on a database seeded before it: the seeded English
 * shorthand becomes readable notes in both languages, a note an admin wrote
 * is kept (as the English one), and the sources of facts.md are added.
 */
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from './client';
import { migrationsFolder, runMigrations } from './migrate';
import { makeTempDir } from './test-support';

let dir: string;
let handle: DatabaseHandle;
beforeEach(() => {
  dir = makeTempDir();
  // The committed migrations up to 0014: the database as it was before 0016.
  const before = path.join(dir, 'drizzle');
  cpSync(migrationsFolder(), before, { recursive: true });
  const journalFile = path.join(before, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: { idx: number }[] };
  journal.entries = journal.entries.filter((e) => e.idx < 16);
  writeFileSync(journalFile, JSON.stringify(journal));
  handle = openDatabase({ url: path.join(dir, 'old.db') });
  runMigrations(handle.db, before);
});
afterEach(() => {
  handle.close();
  rmSync(dir, { recursive: true, force: true });
});

const insertCluster = (slug: string, note: string) =>
  handle.sqlite
    .prepare(
      `INSERT INTO clusters (slug, name, sort_key, source_note, status, created_at, updated_at)
       VALUES (?, ?, ?, ?, 'published', 't', 't')`,
    )
    .run(slug, slug, slug, note);

describe('migration 0016 on an older database', () => {
  it('rewrites the seeded notes, keeps an edited one, and adds the sources', () => {
    insertCluster(
      'packbridge',
      'Public sources 2012 (H). 122 members (2012). Location Malmö is a guess (G) and is not shown as a fact.',
    );
    insertCluster('opentech', 'Checked with OpenTech by phone, March 2026.');
    insertCluster('somewhere-else', 'Own note');
    runMigrations(handle.db);

    const notes = handle.sqlite
      .prepare(
        'SELECT slug, source_note_sv AS sv, source_note_en AS en FROM clusters ORDER BY slug',
      )
      .all();
    expect(notes).toEqual([
      { slug: 'opentech', sv: '', en: 'Checked with OpenTech by phone, March 2026.' },
      {
        slug: 'packbridge',
        sv: 'Medlemsantalet (122, 2012) kommer från offentliga källor. Att Packbridge finns i Malmö är en gissning och visas därför inte som fakta.',
        en: 'The member count (122, 2012) comes from public sources. That Packbridge is based in Malmö is a guess, so it is not shown as a fact.',
      },
      { slug: 'somewhere-else', sv: '', en: 'Own note' },
    ]);
    const columns = handle.sqlite
      .prepare("SELECT name FROM pragma_table_info('clusters')")
      .pluck()
      .all();
    expect(columns).not.toContain('source_note');

    const sources = handle.sqlite
      .prepare(
        `SELECT c.slug, s.title_sv AS sv, s.title_en AS en, s.year, s.url
         FROM cluster_sources s JOIN clusters c ON c.id = s.cluster_id ORDER BY c.slug`,
      )
      .all();
    expect(sources).toEqual([
      { slug: 'opentech', sv: 'Offentliga källor', en: 'Public sources', year: 2023, url: null },
      { slug: 'packbridge', sv: 'Offentliga källor', en: 'Public sources', year: 2012, url: null },
    ]);
  });
});
