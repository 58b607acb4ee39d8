/**
 * The FTS5 table member_search (migration 0001) is kept in step by triggers:
 * these tests write plain rows and check what a search finds afterwards.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { idBySlug, insertMember, openTestDatabase, type TestDatabase } from './test-support';

let t: TestDatabase;
beforeEach(() => {
  t = openTestDatabase({ seed: true });
});
afterEach(() => {
  t.cleanup();
});

/** Member ids matching an FTS5 query, in id order. */
const search = (query: string): number[] =>
  t.sqlite
    .prepare('SELECT rowid FROM member_search WHERE member_search MATCH ? ORDER BY rowid')
    .pluck()
    .all(query) as number[];

const addToArea = (memberId: number, areaSlug: string) =>
  t.sqlite
    .prepare('INSERT INTO member_areas (member_id, area_id) VALUES (?, ?)')
    .run(memberId, idBySlug(t.sqlite, 'areas', areaSlug));

const addToCluster = (memberId: number, clusterSlug: string) =>
  t.sqlite
    .prepare('INSERT INTO memberships (member_id, cluster_id) VALUES (?, ?)')
    .run(memberId, idBySlug(t.sqlite, 'clusters', clusterSlug));

/** FTS5's own check that the index matches the stored text. */
const integrityCheck = () =>
  t.sqlite.prepare("INSERT INTO member_search(member_search) VALUES ('integrity-check')").run();

describe('a new member', () => {
  let id: number;
  beforeEach(() => {
    id = insertMember(t.sqlite, {
      slug: 'angelholm-packteknik',
      name: 'Ängelholm Packteknik AB',
      description_sv: 'Förpackningar för livsmedel, tillverkade i Malmö.',
      description_en: 'Food packaging, made in Malmö.',
    });
  });

  it('is found by its name', () => {
    expect(search('Packteknik')).toEqual([id]);
    expect(search('"Ängelholm Packteknik"')).toEqual([id]);
  });

  it('is found by words typed without å, ä or ö', () => {
    expect(search('angelholm')).toEqual([id]);
    expect(search('Malmo')).toContain(id);
    expect(search('malmö')).toContain(id);
    expect(search('forpackningar')).toEqual([id]);
    expect(search('ANGELHOLM')).toEqual([id]);
  });

  it('is found by a prefix', () => {
    expect(search('pack*')).toContain(id);
    expect(search('ang*')).toContain(id);
    expect(search('förp*')).toContain(id);
    expect(search('name:pack*')).toEqual([id]);
  });

  it('is not found by words it does not contain', () => {
    expect(search('stockholm')).toEqual([]);
    expect(search('packa')).toEqual([]); // a whole word is not a prefix
  });

  it('is found by the new name after a rename, not the old one', () => {
    t.sqlite.prepare("UPDATE members SET name = 'Österlen Kartong AB' WHERE id = ?").run(id);
    expect(search('packteknik')).toEqual([]);
    expect(search('angelholm')).toEqual([]);
    expect(search('osterlen')).toEqual([id]);
    expect(search('kartong')).toEqual([id]);
    // The description did not change and is still searchable.
    expect(search('forpackningar')).toEqual([id]);
  });

  it('is found by a new description', () => {
    t.sqlite
      .prepare("UPDATE members SET description_en = 'Robotics for warehouses.' WHERE id = ?")
      .run(id);
    expect(search('robotics')).toEqual([id]);
    expect(search('packaging')).not.toContain(id);
  });

  it('is gone from the search once deleted', () => {
    const rowsBefore = t.sqlite.prepare('SELECT count(*) FROM member_search').pluck().get();
    t.sqlite.prepare('DELETE FROM members WHERE id = ?').run(id);
    expect(search('packteknik')).toEqual([]);
    expect(search('angelholm')).toEqual([]);
    expect(t.sqlite.prepare('SELECT count(*) FROM member_search').pluck().get()).toBe(
      Number(rowsBefore) - 1,
    );
    integrityCheck();
  });
});

describe('areas and clusters in the search', () => {
  let id: number;
  beforeEach(() => {
    id = insertMember(t.sqlite, { slug: 'kullen-robotik', name: 'Kullen Robotik AB' });
  });

  it('finds a member by an area once it is linked, and not after unlinking', () => {
    expect(search('areas:hallbara')).toEqual([]);
    addToArea(id, 'smarta-hallbara-stader');
    expect(search('areas:hallbara')).toEqual([id]);
    expect(search('hållbara')).toEqual([id]);
    expect(search('"sustainable cities"')).toEqual([id]);
    t.sqlite.prepare('DELETE FROM member_areas WHERE member_id = ?').run(id);
    expect(search('hallbara')).toEqual([]);
  });

  it('finds a member by a cluster’s name and short name once it is a member, and not after', () => {
    expect(search('clusters:medicon')).toEqual([]);
    addToCluster(id, 'medicon-valley-alliance');
    expect(search('clusters:medicon')).toEqual([id]);
    expect(search('MVA')).toEqual([id]);
    addToCluster(id, 'iuc-syd');
    // Both clusters are indexed, not only the latest.
    expect(search('medicon AND "iuc syd"')).toEqual([id]);
    t.sqlite
      .prepare(
        "DELETE FROM memberships WHERE member_id = ? AND cluster_id = (SELECT id FROM clusters WHERE slug = 'medicon-valley-alliance')",
      )
      .run(id);
    expect(search('medicon')).toEqual([]);
    expect(search('clusters:iuc')).toEqual([id]);
  });

  it('follows an area rename for every member in that area', () => {
    const krinova = idBySlug(t.sqlite, 'members', 'krinova'); // seeded in livsmedel
    addToArea(id, 'livsmedel');
    t.sqlite
      .prepare(
        "UPDATE areas SET name_sv = 'Mat & dryck', name_en = 'Food & drink' WHERE slug = 'livsmedel'",
      )
      .run();
    expect(search('dryck')).toEqual([krinova, id].sort((a, b) => a - b));
    expect(search('drink')).toEqual([krinova, id].sort((a, b) => a - b));
    expect(search('areas:livsmedel')).toEqual([]);
    integrityCheck();
  });

  it('follows a cluster rename for every member of that cluster', () => {
    addToCluster(id, 'packbridge');
    const members = [
      ...(t.sqlite
        .prepare(
          "SELECT member_id FROM memberships WHERE cluster_id = (SELECT id FROM clusters WHERE slug = 'packbridge')",
        )
        .pluck()
        .all() as number[]),
    ].sort((a, b) => a - b);
    expect(members).toHaveLength(7); // five founders, Krinova (co-leads an agenda) and the new member
    t.sqlite
      .prepare(
        "UPDATE clusters SET name = 'Nordic Packaging Bridge', short_name = 'NPB' WHERE slug = 'packbridge'",
      )
      .run();
    expect(search('clusters:nordic')).toEqual(members);
    expect(search('npb')).toEqual(members);
    expect(search('clusters:packbridge')).toEqual([]);
    // Other clusters' members keep their own cluster text.
    expect(search('clusters:opentech')).toHaveLength(6);
  });

  it('drops a deleted cluster from its members’ search text', () => {
    addToCluster(id, 'media-evolution');
    expect(search('clusters:evolution')).toEqual([id]);
    t.sqlite.prepare("DELETE FROM clusters WHERE slug = 'media-evolution'").run();
    expect(search('evolution')).toEqual([]);
    expect(search('kullen')).toEqual([id]);
  });
});

describe('the search table as a whole', () => {
  it('has exactly one row per member, with the same id', () => {
    insertMember(t.sqlite, { slug: 'x1', name: 'X One' });
    insertMember(t.sqlite, { slug: 'x2', name: 'X Two' });
    t.sqlite.prepare("DELETE FROM members WHERE slug = 'telia'").run();
    const memberIds = t.sqlite.prepare('SELECT id FROM members ORDER BY id').pluck().all();
    const searchIds = t.sqlite
      .prepare('SELECT rowid FROM member_search ORDER BY rowid')
      .pluck()
      .all();
    expect(searchIds).toEqual(memberIds);
    integrityCheck();
  });

  it('indexes the seeded members with their clusters and areas', () => {
    const opentechFounders = t.sqlite
      .prepare(
        "SELECT member_id FROM memberships WHERE cluster_id = (SELECT id FROM clusters WHERE slug = 'opentech') ORDER BY member_id",
      )
      .pluck()
      .all();
    expect(search('clusters:opentech')).toEqual(opentechFounders);
    expect(search('skane')).toContain(idBySlug(t.sqlite, 'members', 'region-skane'));
  });
});
