import { createHash } from 'node:crypto';
import { isGeneratedOrganisationNumber, isOrganisationNumber } from '@cos/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sqlite } from '../client';
import { insertMember, openTestDatabase, type TestDatabase } from '../test-support';
import { DEMO_MAX, generateDemoData } from './generate';

const COUNT = 500;

const count = (sqlite: Sqlite, sql: string) => Number(sqlite.prepare(sql).pluck().get());

/**
 * A fingerprint of the demo data: every member column but the id (ids keep
 * climbing across runs), with its areas and clusters by slug.
 */
function demoFingerprint(sqlite: Sqlite): string {
  const rows = sqlite
    .prepare(
      `SELECT m.slug, m.name, m.sort_key, m.organisation_number, m.kind, m.size_band,
         m.municipality_code, m.website, m.description_sv, m.description_en, m.status,
         m.created_at, m.updated_at,
         (SELECT group_concat(a.slug) FROM (SELECT a.slug FROM member_areas ma JOIN areas a ON a.id = ma.area_id
            WHERE ma.member_id = m.id ORDER BY a.slug) a) AS areas,
         (SELECT group_concat(x.c) FROM (SELECT c.slug || '@' || coalesce(ms.since, '') AS c
            FROM memberships ms JOIN clusters c ON c.id = ms.cluster_id
            WHERE ms.member_id = m.id ORDER BY c.slug) x) AS clusters
       FROM members m WHERE m.is_demo = 1 ORDER BY m.id`,
    )
    .all();
  return createHash('sha256').update(JSON.stringify(rows)).digest('hex');
}

/** Real members with their links, to show the generator leaves them alone. */
const realData = (sqlite: Sqlite) => ({
  members: sqlite.prepare('SELECT * FROM members WHERE is_demo = 0 ORDER BY id').all(),
  memberships: sqlite
    .prepare(
      `SELECT ms.* FROM memberships ms JOIN members m ON m.id = ms.member_id
       WHERE m.is_demo = 0 ORDER BY ms.member_id, ms.cluster_id`,
    )
    .all(),
  areas: sqlite
    .prepare(
      `SELECT ma.* FROM member_areas ma JOIN members m ON m.id = ma.member_id
       WHERE m.is_demo = 0 ORDER BY ma.member_id, ma.area_id`,
    )
    .all(),
  clusters: sqlite.prepare('SELECT * FROM clusters ORDER BY id').all(),
});

describe('generateDemoData', () => {
  let a: TestDatabase;
  let b: TestDatabase;
  beforeAll(() => {
    a = openTestDatabase({ seed: true });
    b = openTestDatabase({ seed: true });
  });
  afterAll(() => {
    a.cleanup();
    b.cleanup();
  });

  it('makes exactly the number asked for, all marked as demo', () => {
    const real = realData(a.sqlite);
    expect(generateDemoData(a.sqlite, { count: COUNT, seed: 1 })).toEqual({ members: COUNT });
    expect(count(a.sqlite, 'SELECT count(*) FROM members WHERE is_demo = 1')).toBe(COUNT);
    expect(count(a.sqlite, 'SELECT count(*) FROM members')).toBe(real.members.length + COUNT);
    expect(realData(a.sqlite)).toEqual(real);
  });

  it('gives every demo member a valid or empty organisation number, an area and a membership', () => {
    const demo = a.sqlite
      .prepare('SELECT id, slug, organisation_number AS orgnr FROM members WHERE is_demo = 1')
      .all() as { id: number; slug: string; orgnr: string | null }[];
    expect(demo).toHaveLength(COUNT);
    const withOrgnr = demo.filter((m) => m.orgnr !== null);
    expect(withOrgnr.length).toBeGreaterThan(COUNT / 2);
    for (const m of withOrgnr) {
      expect(m.orgnr).toMatch(/^\d{6}-\d{4}$/);
      expect(isOrganisationNumber(m.orgnr ?? '')).toBe(true);
      // Group 4: no real organisation has such a number.
      expect(m.orgnr).toMatch(/^429/);
      expect(isGeneratedOrganisationNumber(m.orgnr)).toBe(true);
    }
    expect(
      count(
        a.sqlite,
        'SELECT count(*) FROM members m WHERE is_demo = 1 AND NOT EXISTS (SELECT 1 FROM member_areas WHERE member_id = m.id)',
      ),
    ).toBe(0);
    expect(
      count(
        a.sqlite,
        'SELECT count(*) FROM members m WHERE is_demo = 1 AND NOT EXISTS (SELECT 1 FROM memberships WHERE member_id = m.id)',
      ),
    ).toBe(0);
    // Spread over Skåne, and some outside it.
    expect(
      count(a.sqlite, 'SELECT count(DISTINCT municipality_code) FROM members WHERE is_demo = 1'),
    ).toBeGreaterThan(15);
    // Both answers that are no municipality: known to be outside Skåne, and not known.
    expect(
      count(a.sqlite, 'SELECT count(*) FROM members WHERE is_demo = 1 AND outside_skane = 1'),
    ).toBeGreaterThan(0);
    expect(
      count(
        a.sqlite,
        'SELECT count(*) FROM members WHERE is_demo = 1 AND outside_skane = 0 AND municipality_code IS NULL',
      ),
    ).toBeGreaterThan(0);
  });

  it('makes demo members searchable like any other', () => {
    expect(count(a.sqlite, 'SELECT count(*) FROM member_search')).toBe(
      count(a.sqlite, 'SELECT count(*) FROM members'),
    );
    const first = a.sqlite
      .prepare('SELECT id, name FROM members WHERE is_demo = 1 ORDER BY id LIMIT 1')
      .get() as { id: number; name: string };
    const hits = a.sqlite
      .prepare('SELECT rowid FROM member_search WHERE member_search MATCH ?')
      .pluck()
      .all(`name:"${first.name}"`);
    expect(hits).toContain(first.id);
  });

  it('gives the same data for the same seed and different data for another', () => {
    generateDemoData(b.sqlite, { count: COUNT, seed: 1 });
    const seed1 = demoFingerprint(a.sqlite);
    expect(demoFingerprint(b.sqlite)).toBe(seed1);
    generateDemoData(b.sqlite, { count: COUNT, seed: 2 });
    expect(demoFingerprint(b.sqlite)).not.toBe(seed1);
    // The default seed is 1.
    generateDemoData(b.sqlite, { count: COUNT });
    expect(demoFingerprint(b.sqlite)).toBe(seed1);
  });

  it('replaces earlier demo members on a re-run instead of adding to them', () => {
    const real = realData(a.sqlite);
    const before = demoFingerprint(a.sqlite);
    generateDemoData(a.sqlite, { count: COUNT, seed: 1 });
    expect(count(a.sqlite, 'SELECT count(*) FROM members WHERE is_demo = 1')).toBe(COUNT);
    expect(demoFingerprint(a.sqlite)).toBe(before);

    generateDemoData(a.sqlite, { count: 120, seed: 1 });
    expect(count(a.sqlite, 'SELECT count(*) FROM members WHERE is_demo = 1')).toBe(120);
    // Links and search rows of the replaced members are gone with them.
    expect(
      count(
        a.sqlite,
        'SELECT count(*) FROM memberships WHERE member_id NOT IN (SELECT id FROM members)',
      ),
    ).toBe(0);
    expect(count(a.sqlite, 'SELECT count(*) FROM member_search')).toBe(
      count(a.sqlite, 'SELECT count(*) FROM members'),
    );

    generateDemoData(a.sqlite, { count: 0 });
    expect(count(a.sqlite, 'SELECT count(*) FROM members WHERE is_demo = 1')).toBe(0);
    expect(realData(a.sqlite)).toEqual(real);
  });

  it.each([-1, DEMO_MAX + 1, 1.5, Number.NaN])('refuses the count %d and changes nothing', (n) => {
    generateDemoData(a.sqlite, { count: 10 });
    expect(() => generateDemoData(a.sqlite, { count: n })).toThrow(
      /Demo count must be a whole number from 0 to 200000/,
    );
    expect(count(a.sqlite, 'SELECT count(*) FROM members WHERE is_demo = 1')).toBe(10);
  });
});

describe('generateDemoData beside real members', () => {
  it('never reuses a real member’s slug or organisation number', () => {
    const t = openTestDatabase({ seed: true });
    try {
      // The first two demo members would be "Nordtech AB" (429000-0001) and 429000-0019.
      const realId = insertMember(t.sqlite, {
        slug: 'nordtech-ab',
        name: 'Nordtech AB',
        organisation_number: '429000-0019',
      });
      const real = realData(t.sqlite);
      generateDemoData(t.sqlite, { count: 50 });
      expect(count(t.sqlite, 'SELECT count(*) FROM members WHERE is_demo = 1')).toBe(50);
      expect(realData(t.sqlite)).toEqual(real);
      const demoTwin = t.sqlite
        .prepare("SELECT slug FROM members WHERE is_demo = 1 AND name = 'Nordtech AB'")
        .pluck()
        .get();
      expect(demoTwin).toBe('nordtech-ab-2');
      expect(
        t.sqlite
          .prepare("SELECT id FROM members WHERE organisation_number = '429000-0019'")
          .pluck()
          .all(),
      ).toEqual([realId]);
    } finally {
      t.cleanup();
    }
  });
});

describe('generateDemoData before the default data', () => {
  it('refuses to run and writes nothing', () => {
    const t = openTestDatabase({ seed: false });
    try {
      expect(() => generateDemoData(t.sqlite, { count: 5 })).toThrow(
        /needs the default data first/,
      );
      expect(count(t.sqlite, 'SELECT count(*) FROM members')).toBe(0);
    } finally {
      t.cleanup();
    }
  });
});
