/**
 * The facet index is updated in place after member writes (only the members
 * in the change log are reloaded). Property-style: random inserts, updates,
 * deletes, status, place and membership changes from a seeded generator, and
 * after each round the updated index must hold exactly what a fresh full
 * scan gives — and answer every count the same.
 */
import { MEMBER_KINDS, MUNICIPALITIES, SIZE_BANDS, STATUSES } from '@cos/domain';
import { openDatabase } from '@cos/db';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '../test-support';
import { getServices } from '.';
import { FacetIndex, type FacetSelection } from './facet-index';
import { loadTaxonomy } from './taxonomy';

/** mulberry32: a small seeded generator, so a failure can be replayed. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

let api: TestApi;
beforeEach(() => {
  api = createTestApi({ demo: 200, demoSeed: 5 });
});
afterEach(() => api.cleanup());

const services = () => getServices(api.handle);
const taxonomy = () => loadTaxonomy(services().statements, services().cache);
/** A new request: the versions are read once per synchronous run, so let this one end first. */
const nextRun = () => new Promise((resolve) => setImmediate(resolve));
const liveIndex = async () => {
  await nextRun();
  const index = services().directory.index(taxonomy());
  if (!index) throw new Error('the taxonomy fits the index');
  return index;
};
const freshIndex = () => new FacetIndex(services().statements, taxonomy());

function sameAsFresh(index: FacetIndex) {
  const fresh = freshIndex();
  expect(index.columns.slots()).toEqual(fresh.columns.slots());
  const t = taxonomy();
  const ids = (rows: { id: number }[]) => rows.slice(0, 2).map((r) => r.id);
  const selections: FacetSelection[] = [
    {
      statuses: ['published'],
      areaIds: [],
      clusterIds: [],
      municipalities: [],
      kinds: [],
      sizes: [],
    },
    {
      statuses: STATUSES,
      areaIds: ids(t.areas),
      clusterIds: ids(t.clusters),
      municipalities: ['1280', 'outside', 'unknown'],
      kinds: ['company'],
      sizes: [],
    },
    {
      statuses: ['draft', 'archived'],
      demo: true,
      scopeClusterIds: ids(t.clusters),
      areaIds: [],
      clusterIds: [],
      municipalities: [],
      kinds: [],
      sizes: ['1-9'],
    },
  ];
  for (const selection of selections)
    expect(index.count(selection, t)).toEqual(fresh.count(selection, t));
  const published = t.clusters.map((c) => c.id);
  expect(index.summary(t, ['published'], published)).toEqual(
    fresh.summary(t, ['published'], published),
  );
}

/** One random write on `sqlite`: what a save, a status change, a delete or a membership edit does. */
function randomWrite(sqlite: TestApi['sqlite'], next: () => number, serial: number) {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const memberIds = (sqlite.prepare('SELECT id FROM members').pluck().all() as number[]).sort();
  const member = pick(memberIds);
  const areaIds = sqlite.prepare('SELECT id FROM areas').pluck().all() as number[];
  const clusterIds = sqlite.prepare('SELECT id FROM clusters').pluck().all() as number[];
  const op = Math.floor(next() * 7);
  const place =
    next() < 0.2 ? [null, 1] : next() < 0.2 ? [null, 0] : [pick(MUNICIPALITIES).code, 0];
  switch (op) {
    case 0:
      sqlite
        .prepare(
          `INSERT INTO members (slug, name, sort_key, kind, size_band, municipality_code, outside_skane, status, is_demo, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'x', 'x')`,
        )
        .run(
          `new-${serial}`,
          `New member ${serial}`,
          `new member ${serial}`,
          pick(MEMBER_KINDS),
          next() < 0.3 ? null : pick(SIZE_BANDS),
          place[0],
          place[1],
          pick(STATUSES),
          next() < 0.5 ? 1 : 0,
        );
      break;
    case 1:
      sqlite.prepare('UPDATE members SET status = ? WHERE id = ?').run(pick(STATUSES), member);
      break;
    case 2:
      sqlite
        .prepare(
          'UPDATE members SET municipality_code = ?, outside_skane = ?, kind = ?, size_band = ? WHERE id = ?',
        )
        .run(
          place[0],
          place[1],
          pick(MEMBER_KINDS),
          next() < 0.3 ? null : pick(SIZE_BANDS),
          member,
        );
      break;
    case 3:
      sqlite.prepare('DELETE FROM members WHERE id = ?').run(member);
      break;
    case 4:
      sqlite
        .prepare('INSERT OR IGNORE INTO member_areas (member_id, area_id) VALUES (?, ?)')
        .run(member, pick(areaIds));
      break;
    case 5:
      sqlite
        .prepare('DELETE FROM member_areas WHERE member_id = ? AND area_id = ?')
        .run(member, pick(areaIds));
      break;
    default:
      if (next() < 0.5)
        sqlite
          .prepare('INSERT OR IGNORE INTO memberships (member_id, cluster_id) VALUES (?, ?)')
          .run(member, pick(clusterIds));
      else
        sqlite
          .prepare('DELETE FROM memberships WHERE member_id = ? AND cluster_id = ?')
          .run(member, pick(clusterIds));
  }
}

describe('the facet index, updated in place', () => {
  it('equals a fresh scan after random writes, without being rebuilt', async () => {
    const next = random(20261202);
    const index = await liveIndex();
    sameAsFresh(index);
    let serial = 0;
    for (let round = 0; round < 25; round++) {
      const writes = 1 + Math.floor(next() * 4);
      for (let w = 0; w < writes; w++) randomWrite(api.sqlite, next, serial++);
      const after = await liveIndex();
      // The same object: updated in place, not built again.
      expect(after).toBe(index);
      sameAsFresh(after);
    }
  });

  it('sees writes committed by another connection', async () => {
    const index = await liveIndex();
    const other = openDatabase({ url: api.handle.path });
    try {
      const next = random(7);
      for (let i = 0; i < 10; i++) randomWrite(other.sqlite, next, 1000 + i);
    } finally {
      other.close();
    }
    const after = await liveIndex();
    expect(after).toBe(index);
    sameAsFresh(after);
  });

  it('is built afresh when many members change at once, the taxonomy changes, or a bulk write ran', async () => {
    const index = await liveIndex();
    // More than 5 % of the register (and over 64 members) in one go: a full scan is cheaper.
    api.sqlite.prepare("UPDATE members SET status = 'archived' WHERE id % 2 = 0").run();
    const afterMany = await liveIndex();
    expect(afterMany).not.toBe(index);
    sameAsFresh(afterMany);

    api.sqlite
      .prepare("UPDATE areas SET name_en = name_en || ' x' WHERE id = (SELECT min(id) FROM areas)")
      .run();
    const afterTaxonomy = await liveIndex();
    expect(afterTaxonomy).not.toBe(afterMany);
    sameAsFresh(afterTaxonomy);

    // A bulk write pauses the per-row log and leaves "rebuild" in it.
    api.sqlite.transaction(() => {
      api.sqlite.prepare('INSERT INTO search_sync_paused (id) VALUES (1)').run();
      api.sqlite
        .prepare("UPDATE members SET kind = 'company' WHERE id = (SELECT min(id) FROM members)")
        .run();
      api.sqlite.prepare('DELETE FROM search_sync_paused').run();
    })();
    const afterBulk = await liveIndex();
    expect(afterBulk).not.toBe(afterTaxonomy);
    sameAsFresh(afterBulk);
  });

  it('rebuilds when the change log was pruned past it', async () => {
    const index = await liveIndex();
    // Entries the index never saw are gone: it cannot know what changed.
    api.sqlite
      .prepare("UPDATE members SET name = name || '.' WHERE id = (SELECT min(id) FROM members)")
      .run();
    api.sqlite.prepare('DELETE FROM member_changes').run();
    api.sqlite
      .prepare("UPDATE members SET status = 'draft' WHERE id = (SELECT max(id) FROM members)")
      .run();
    const after = await liveIndex();
    expect(after).not.toBe(index);
    sameAsFresh(after);
  });
});
