/**
 * Demo data is unmistakable (issue 16): public rows say which members are
 * generated, the banner's count comes from one cached read per data
 * generation, and generated organisation numbers are in group 4 (no real
 * organisation's). With the default data alone nothing is demo.
 */
import { isGeneratedOrganisationNumber } from '@cos/domain';
import { exportPublishedMembers } from '@cos/api/member-export';
import { openDatabase } from '@cos/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allDirectoryPages, createTestApi, type TestApi } from '../test-support';

const count = (api: TestApi, sql: string) => Number(api.sqlite.prepare(sql).pluck().get());

describe('demo presence on the default data', () => {
  let api: TestApi;
  beforeAll(() => {
    api = createTestApi();
  });
  afterAll(() => api.cleanup());

  it('finds no demo members, and every public row says so', async () => {
    expect(await api.anonymous.statistics.demoPresence()).toEqual({ published: 0, total: 0 });
    const { items: rows } = await allDirectoryPages(api.anonymous, {});
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((m) => m.isDemo === false)).toBe(true);
    expect((await api.anonymous.member.bySlug({ slug: 'ericsson' })).isDemo).toBe(false);
  });
});

describe('demo presence with demo data', () => {
  let api: TestApi;
  beforeAll(() => {
    api = createTestApi({ demo: 80, demoSeed: 4 });
  });
  afterAll(() => api.cleanup());

  it('counts published and all demo members', async () => {
    const presence = await api.anonymous.statistics.demoPresence();
    expect(presence.total).toBe(80);
    expect(presence.published).toBe(
      count(api, "SELECT count(*) FROM members WHERE is_demo = 1 AND status = 'published'"),
    );
    expect(presence.published).toBeGreaterThan(0);
  });

  it('is read once per data generation, and again after a member changes', async () => {
    const before = await api.anonymous.statistics.demoPresence();
    // A change the count must see: unpublish one published demo member through the cache's scope.
    const id = Number(
      api.sqlite
        .prepare("SELECT id FROM members WHERE is_demo = 1 AND status = 'published' LIMIT 1")
        .pluck()
        .get(),
    );
    // Written by another connection (as the CLI would): the triggers' counters tell the cache.
    const other = openDatabase({ url: api.handle.path });
    try {
      other.sqlite.prepare("UPDATE members SET status = 'draft' WHERE id = ?").run(id);
    } finally {
      other.sqlite.close();
    }
    // Until then the answer is the cached one; another process's commit is seen at the next turn.
    expect((await api.anonymous.statistics.demoPresence()).published).toBe(before.published);
    await new Promise((resolve) => setImmediate(resolve));
    const after = await api.anonymous.statistics.demoPresence();
    expect(after.published).toBe(before.published - 1);
  });

  it('marks each demo member in the directory, its page and its neighbours', async () => {
    const { items: rows } = await allDirectoryPages(api.anonymous, {});
    const demoSlugs = new Set(
      api.sqlite
        .prepare("SELECT slug FROM members WHERE is_demo = 1 AND status = 'published'")
        .pluck()
        .all() as string[],
    );
    for (const row of rows) expect(row.isDemo, row.slug).toBe(demoSlugs.has(row.slug));
    const demoSlug = [...demoSlugs][0] ?? '';
    const page = await api.anonymous.member.bySlug({ slug: demoSlug });
    expect(page.isDemo).toBe(true);
    expect(isGeneratedOrganisationNumber(page.organisationNumber)).toBe(
      page.organisationNumber !== null,
    );
    for (const r of page.related) expect(r.isDemo).toBe(demoSlugs.has(r.slug));
    // Real numbers are never taken for generated ones.
    expect(isGeneratedOrganisationNumber('556016-0680')).toBe(false);
    expect(isGeneratedOrganisationNumber('212000-1124')).toBe(false);
  });

  it('the export leaves demo members out only when asked to', () => {
    const all = [...exportPublishedMembers(api.sqlite, {})].length;
    const real = [...exportPublishedMembers(api.sqlite, { demo: 'exclude' })].length;
    expect(real).toBe(
      count(api, "SELECT count(*) FROM members WHERE is_demo = 0 AND status = 'published'"),
    );
    expect(all).toBeGreaterThan(real);
    expect([...exportPublishedMembers(api.sqlite, { demo: 'include' })]).toHaveLength(all);
  });
});
