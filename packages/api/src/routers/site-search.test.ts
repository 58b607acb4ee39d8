/**
 * The site-wide search through the tRPC caller, on the default data: each
 * kind of content in its own group, only what is published and due, the
 * directory's members and total for the same text. Expected values come from
 * the seed files, not from the code under test.
 */
import { AREA_SEEDS, CLUSTER_SEEDS, LAUNCH_ARTICLE } from '@cos/db/seed';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getServices } from '../services';
import { createTestApi, type TestApi } from '../test-support';

describe('search.site on the default data', () => {
  let api: TestApi;
  beforeAll(() => {
    api = createTestApi();
  });
  afterAll(() => api.cleanup());

  /** A change made in SQL, then reported as the services' own writers report theirs. */
  function write(sql: string, ...params: unknown[]) {
    api.sqlite.prepare(sql).run(...params);
    getServices(api.handle).cache.invalidate();
  }

  it('gives nothing for no text', async () => {
    const result = await api.anonymous.search.site({ q: '   ' });
    expect(result).toMatchObject({ q: '', total: 0, clusters: [], areas: [], articles: [] });
    expect(result.members.total).toBe(0);
  });

  it('finds a cluster by its name, first, and its area among the areas', async () => {
    const packbridge = CLUSTER_SEEDS.find((c) => c.slug === 'packbridge');
    expect(packbridge).toBeDefined();
    const result = await api.anonymous.search.site({ q: 'Packbridge' });
    expect(result.clusters[0]?.slug).toBe('packbridge');
    expect(result.clusters[0]?.name).toBe(packbridge?.name);
  });

  it('finds an area by its Swedish and its English name, whichever page asks', async () => {
    const food = AREA_SEEDS.find((a) => a.slug === 'livsmedel');
    expect(food).toBeDefined();
    for (const q of [food!.nameSv, food!.nameEn]) {
      const result = await api.anonymous.search.site({ q });
      expect(
        result.areas.map((a) => a.slug),
        q,
      ).toContain('livsmedel');
      expect(result.areas[0]?.slug, q).toBe('livsmedel');
    }
  });

  it('finds members through the directory, with its total', async () => {
    const result = await api.anonymous.search.site({ q: 'Ericsson' });
    const directory = await api.anonymous.member.directory({ q: 'Ericsson' });
    expect(result.members.total).toBe(directory.total);
    expect(result.members.items[0]?.slug).toBe('ericsson');
    expect(result.total).toBeGreaterThanOrEqual(result.members.total);
  });

  it('finds the launch article by a word of its title, and not once it is a draft', async () => {
    const word = LAUNCH_ARTICLE.titleSv.split(/\s+/).find((w) => w.length > 6) ?? '';
    expect(word).not.toBe('');
    const found = await api.anonymous.search.site({ q: word });
    expect(found.articles.map((a) => a.slug)).toContain(LAUNCH_ARTICLE.slug);

    write("UPDATE articles SET status = 'draft' WHERE slug = ?", LAUNCH_ARTICLE.slug);
    const hidden = await api.anonymous.search.site({ q: word });
    expect(hidden.articles.map((a) => a.slug)).not.toContain(LAUNCH_ARTICLE.slug);
    write("UPDATE articles SET status = 'published' WHERE slug = ?", LAUNCH_ARTICLE.slug);
  });

  it('keeps an article scheduled for later out until its time', async () => {
    const later = new Date(Date.now() + 86_400_000).toISOString();
    write('UPDATE articles SET published_at = ? WHERE slug = ?', later, LAUNCH_ARTICLE.slug);
    const word = LAUNCH_ARTICLE.titleSv.split(/\s+/).find((w) => w.length > 6) ?? '';
    const result = await api.anonymous.search.site({ q: word });
    expect(result.articles.map((a) => a.slug)).not.toContain(LAUNCH_ARTICLE.slug);
    // Its time comes without a write: the next search after it shows it.
    const dayAfter = new Date(Date.now() + 2 * 86_400_000);
    const due = getServices(api.handle).siteSearch.search(word, dayAfter);
    expect(due.articles.map((a) => a.slug)).toContain(LAUNCH_ARTICLE.slug);
    write(
      'UPDATE articles SET published_at = ? WHERE slug = ?',
      LAUNCH_ARTICLE.publishedAt,
      LAUNCH_ARTICLE.slug,
    );
  });

  it('needs every word that counts, and ignores "och" and "and"', async () => {
    const both = await api.anonymous.search.site({ q: 'Packbridge och' });
    expect(both.clusters[0]?.slug).toBe('packbridge');
    const none = await api.anonymous.search.site({ q: 'Packbridge zzzzqx' });
    expect(none.clusters).toEqual([]);
  });

  it('reads a change at once: a renamed cluster is found by its new name', async () => {
    write("UPDATE clusters SET name = 'Förpackningsklustret' WHERE slug = 'packbridge'");
    const result = await api.anonymous.search.site({ q: 'förpackningsklustret' });
    expect(result.clusters.map((c) => c.slug)).toEqual(['packbridge']);
  });
});
