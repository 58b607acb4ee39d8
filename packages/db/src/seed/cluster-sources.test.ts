/**
 * The clusters' source notes and sources in the default data (issue 16):
 * readable sentences in both languages, no confidence shorthand, and only
 * what facts.md gives — its sources are "public sources" with a year, and it
 * names no link other than the clusters' own web addresses.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../test-support';
import { CLUSTER_SEEDS } from './clusters';

/** The web addresses facts.md lists (its "web" column): the only addresses a seeded source may link to. */
const FACTS_WEB_HOSTS = [
  'livsmedelsakademin.se',
  'mediaevolution.se',
  'opentech.se',
  'packbridge.se',
  'sbhub.se',
  'iucsyd.se',
  'mva.org',
];
/** The years facts.md gives for the clusters' figures, by slug (IUC Syd's sources give none). */
const FACTS_YEARS: Record<string, number | null> = {
  livsmedelsakademin: 2016,
  'media-evolution': 2015,
  opentech: 2023,
  packbridge: 2012,
  'sustainable-business-hub': 2016,
  'iuc-syd': null,
  'medicon-valley-alliance': 2022,
};
/** "(H)", "(M)", "(L)", "(G)" and the like: shorthand a visitor cannot read. */
const SHORTHAND = /\((?:H|M|L|G)\)|\bconf\.|\b[HMLG]\b(?=[,.)])/;

let t: TestDatabase;
beforeEach(() => {
  t = openTestDatabase({ seed: true });
});
afterEach(() => t.cleanup());

interface Row {
  slug: string;
  sv: string;
  en: string;
}

describe('the seeded source notes', () => {
  it('give every cluster a note in Swedish and in English, in sentences, without shorthand', () => {
    const rows = t.sqlite
      .prepare('SELECT slug, source_note_sv AS sv, source_note_en AS en FROM clusters')
      .all() as Row[];
    expect(rows).toHaveLength(CLUSTER_SEEDS.length);
    for (const { slug, sv, en } of rows) {
      for (const note of [sv, en]) {
        expect(note.trim(), slug).not.toBe('');
        expect(note, slug).not.toMatch(SHORTHAND);
        // A sentence: starts with a capital and ends with a full stop.
        expect(note, slug).toMatch(/^[A-ZÅÄÖ].*\.$/s);
      }
      expect(sv, `${slug}: the Swedish note is not the English one`).not.toBe(en);
    }
  });

  it('say what the reported count is, in each language, where a source gives one', () => {
    const rows = t.sqlite
      .prepare(
        `SELECT slug, source_note_sv AS sv, source_note_en AS en, reported_members AS n,
           reported_members_year AS year FROM clusters WHERE reported_members IS NOT NULL`,
      )
      .all() as (Row & { n: number; year: number })[];
    expect(rows).toHaveLength(6);
    for (const r of rows) {
      expect(r.sv, r.slug).toContain(`${r.n}, ${r.year})`);
      expect(r.sv, r.slug).toMatch(/Medlemsantalet/);
      expect(r.en, r.slug).toContain(`${r.n}, ${r.year})`);
      expect(r.en, r.slug).toMatch(/member count/);
    }
  });
});

describe('the seeded sources', () => {
  it('list "public sources" with the year facts.md gives, in both languages', () => {
    const rows = t.sqlite
      .prepare(
        `SELECT c.slug, s.position, s.title_sv AS sv, s.title_en AS en, s.year
         FROM cluster_sources s JOIN clusters c ON c.id = s.cluster_id ORDER BY c.slug, s.position`,
      )
      .all() as (Row & { position: number; year: number | null })[];
    expect(Object.fromEntries(rows.map((r) => [r.slug, r.year]))).toEqual(FACTS_YEARS);
    for (const r of rows) {
      expect(r).toMatchObject({ position: 0, sv: 'Offentliga källor', en: 'Public sources' });
    }
  });

  it('link only to addresses facts.md gives (today: none)', () => {
    const urls = t.sqlite
      .prepare('SELECT url FROM cluster_sources WHERE url IS NOT NULL')
      .pluck()
      .all() as string[];
    for (const url of urls) expect(FACTS_WEB_HOSTS).toContain(new URL(url).hostname);
    // facts.md names no document behind any figure, so no source carries a link.
    expect(urls).toEqual([]);
    for (const seed of CLUSTER_SEEDS) {
      for (const source of seed.sources) expect(source.url, seed.slug).toBeNull();
    }
  });
});
