/**
 * The in-memory facet index and the SQL it stands in for must agree: the same
 * totals, facets and statistics. Past 32 clusters the index steps aside and
 * SQL answers — so we compute everything, add clusters until the index no
 * longer fits, and compare.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApi, type TestApi } from '../test-support';
import { getServices } from '.';
import { loadTaxonomy } from './taxonomy';

let api: TestApi;
beforeEach(() => {
  api = createTestApi({ demo: 300, demoSeed: 11 });
});
afterEach(() => api.cleanup());

const QUERIES = [
  {},
  { area: ['tech'] },
  { area: ['tech', 'livsmedel'], municipality: ['1280', 'outside'] },
  { municipality: ['unknown'] },
  { municipality: ['outside', 'unknown'], kind: ['company'] },
  { q: 'malmo' },
  { q: 'pack', kind: ['company', 'startup'], size: ['1-9'] },
  { cluster: ['opentech', 'packbridge'], size: ['10-49', '250+'] },
];

async function snapshot() {
  const directory = [];
  for (const q of QUERIES) {
    const r = await api.anonymous.member.directory(q);
    directory.push({ total: r.total, facets: r.facets, first: r.items.map((i) => i.slug) });
  }
  const admin = await api.admin.member.admin.list({ status: ['draft', 'archived'] });
  const editor = await api.editor('opentech').member.admin.list({});
  return {
    directory,
    admin: { total: admin.total, facets: admin.facets },
    editor: { total: editor.total, kind: editor.facets.kind },
    statistics: await api.anonymous.statistics.overview(),
    areas: await api.anonymous.area.list(),
    area: (await api.anonymous.area.bySlug({ slug: 'tech' })).relatedAreas,
  };
}

describe('facet index', () => {
  it('gives exactly what SQL gives', async () => {
    const fromIndex = await snapshot();
    // Draft clusters change no public number, but make the taxonomy too big for the index.
    const insert = api.sqlite.prepare(
      "INSERT INTO clusters (slug, name, sort_key, status, created_at, updated_at) VALUES (?, ?, ?, 'draft', 'x', 'x')",
    );
    for (let i = 0; i < 30; i++) insert.run(`extra-${i}`, `Extra ${i}`, `zzz extra ${i}`);
    // Written behind the services' back on their own connection: tell the caches.
    const services = getServices(api.handle);
    services.cache.invalidate();
    expect(services.directory.index(loadTaxonomy(services.statements, services.cache))).toBeNull();
    const fromSql = await snapshot();
    expect(fromSql.statistics).toEqual(fromIndex.statistics);
    expect(fromSql.directory).toEqual(fromIndex.directory);
    expect(fromSql.areas).toEqual(fromIndex.areas);
    expect(fromSql.area).toEqual(fromIndex.area);
    expect(fromSql.editor).toEqual(fromIndex.editor);
    // The admin's cluster facet now lists the 30 drafts too (with 0 members); the rest is equal.
    expect({
      ...fromSql.admin.facets,
      cluster: fromSql.admin.facets.cluster.filter((c) => !c.value.startsWith('extra-')),
    }).toEqual(fromIndex.admin.facets);
    expect(fromSql.admin.total).toBe(fromIndex.admin.total);
  });
});
