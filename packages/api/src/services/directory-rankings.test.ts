/**
 * Cached search rankings are updated in place after member writes: a member
 * whose text starts to match joins the ranking, one that stops matching (or
 * is deleted) leaves it — the same members a fresh full-text query finds,
 * without ranking every match again.
 */
import { MemberChangeLog } from '@cos/db';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '../test-support';
import { getServices } from '.';
import { Rankings } from './directory-rankings';
import { toFtsQuery } from './fts-query';
import { searchPlan, type SearchPlan } from './search-plan';
import { loadTaxonomy } from './taxonomy';

let api: TestApi;
beforeEach(() => {
  api = createTestApi({ demo: 200, demoSeed: 3 });
});
afterEach(() => api.cleanup());

/** A new request: the versions are read once per synchronous run. */
const nextRun = () => new Promise((resolve) => setImmediate(resolve));
const fts = toFtsQuery('pack') ?? '';
/** The search plan for "pack" (words, stems, compounds), made once the test data is in. */
let plan: SearchPlan;
beforeEach(() => {
  plan = searchPlan(api.sqlite, 'pack') as SearchPlan;
});
/** Every member the plan matches now, as a fresh query finds them. */
const fresh = () =>
  new Set(
    api.sqlite
      .prepare(`SELECT rowid FROM (${plan.rankSql(false)})`)
      .pluck()
      .all(...plan.rankParams()) as number[],
  );
/** A member the plan does not match. */
const nonMatching = (extra = '') =>
  api.sqlite
    .prepare(
      `SELECT id, slug FROM members m WHERE NOT ${plan.where.sql} ${extra} ORDER BY id LIMIT 1`,
    )
    .get(...plan.where.params) as { id: number; slug: string };

describe('rankings kept up to date in place', () => {
  it('take in a member that starts matching and let go of one that stops, as a fresh query would', async () => {
    const services = getServices(api.handle);
    const rankings = new Rankings(
      services.statements,
      services.cache,
      new MemberChangeLog(api.sqlite),
    );
    const ranked = async () => {
      await nextRun();
      return rankings.ids(plan, loadTaxonomy(services.statements, services.cache));
    };
    const before = await ranked();
    expect(new Set(before)).toEqual(fresh());
    expect(before.length).toBeGreaterThan(3);
    const outsider = nonMatching().id;
    // Members that match by their own text only (not by an area's or a cluster's name).
    const [insider = 0, deleted = 0] = api.sqlite
      .prepare(
        `SELECT rowid FROM member_search WHERE member_search MATCH ? AND rowid NOT IN
           (SELECT rowid FROM member_search WHERE member_search MATCH '{areas clusters} : ' || ?) ORDER BY rowid LIMIT 2`,
      )
      .pluck()
      .all(fts, fts) as number[];
    expect(before).toContain(insider);

    api.sqlite
      .prepare("UPDATE members SET description_en = 'Packaging for the food industry' WHERE id = ?")
      .run(outsider);
    const joined = await ranked();
    expect(joined).toContain(outsider);
    expect(new Set(joined)).toEqual(fresh());

    api.sqlite
      .prepare(
        "UPDATE members SET name = 'Quiet Firm', description_sv = 'Ingenting', description_en = 'Nothing' WHERE id = ?",
      )
      .run(insider);
    api.sqlite.prepare('DELETE FROM members WHERE id = ?').run(deleted);
    const left = await ranked();
    expect(left).not.toContain(insider);
    expect(left).not.toContain(deleted);
    expect(left).toContain(outsider);
    expect(new Set(left)).toEqual(fresh());
    expect(left.length).toBe(before.length - 1);
    // Ranked once, then spliced twice: no full re-ranking.
    expect(rankings.counts).toEqual({ ranked: 1, spliced: 2 });

    // Renaming an area changes every member's search text: ranked afresh.
    api.sqlite
      .prepare("UPDATE areas SET name_en = 'Packing' WHERE id = (SELECT min(id) FROM areas)")
      .run();
    const renamed = await ranked();
    expect(new Set(renamed)).toEqual(fresh());
    expect(rankings.counts.ranked).toBe(2);
  });

  it('through the directory: a description edit adds the member to the search results', async () => {
    const q = 'pack';
    const first = await api.anonymous.member.directory({ q, limit: 100 });
    const member = nonMatching("AND m.status = 'published'");
    api.sqlite
      .prepare("UPDATE members SET description_en = 'We pack things' WHERE id = ?")
      .run(member.id);
    await nextRun();
    const second = await api.anonymous.member.directory({ q, limit: 100 });
    expect(second.total).toBe(first.total + 1);
    expect(second.items.map((i) => i.slug)).toContain(member.slug);
  });
});
