/**
 * "Outside Skåne" and "municipality not known" are two answers (issue 12):
 * a seed member with no municipality (Ericsson, Sony…) is not known, never
 * outside. Filters, facets (index and SQL), statistics, the open-data export
 * and the member page keep them apart, and a member switched to outside
 * moves from one slot to the other.
 */
import { MEMBER_SEEDS } from '@cos/db/seed';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getServices } from '../services';
import { exportPublishedMembers } from '../services/member-export';
import { loadTaxonomy } from '../services/taxonomy';
import { allDirectoryPages, createTestApi, type TestApi } from '../test-support';

let api: TestApi;
beforeEach(() => {
  api = createTestApi();
});
afterEach(() => api.cleanup());

const NO_PLACE = MEMBER_SEEDS.filter((m) => m.municipalityCode === null)
  .map((m) => m.slug)
  .sort();

const facet = async (value: string) =>
  (await api.anonymous.member.directory({})).facets.municipality.find((f) => f.value === value);
const filtered = async (value: string) =>
  (await allDirectoryPages(api.anonymous, { municipality: [value], limit: 100 })).items
    .map((i) => i.slug)
    .sort();
const statistic = async (code: string) =>
  (await api.anonymous.statistics.overview()).byMunicipality.find((m) => m.code === code)?.count;

async function moveOutside(slug: string) {
  const id = api.memberId(slug);
  const version = api.sqlite.prepare('SELECT version FROM members WHERE id = ?').pluck().get(id);
  if (typeof version !== 'number') throw new Error(`no member ${slug}`);
  return api.admin.member.admin.update({ id, version, outsideSkane: true });
}

describe('place: outside Skåne and not known', () => {
  it('counts a seed member with no municipality as not known, never as outside', async () => {
    expect(NO_PLACE).toContain('ericsson');
    expect(await facet('outside')).toEqual({
      value: 'outside',
      label: { sv: 'Utanför Skåne', en: 'Outside Skåne' },
      count: 0,
    });
    expect(await facet('unknown')).toEqual({
      value: 'unknown',
      label: { sv: 'Kommun okänd', en: 'Municipality not known' },
      count: NO_PLACE.length,
    });
    expect(await filtered('outside')).toEqual([]);
    expect(await filtered('unknown')).toEqual(NO_PLACE);
    expect(await statistic('outside')).toBe(0);
    expect(await statistic('unknown')).toBe(NO_PLACE.length);
    const ericsson = await api.anonymous.member.bySlug({ slug: 'ericsson' });
    expect({ municipality: ericsson.municipality, outsideSkane: ericsson.outsideSkane }).toEqual({
      municipality: null,
      outsideSkane: false,
    });
  });

  it('moves a member switched to outside Skåne from one slot to the other', async () => {
    // Read once first, so the facet index and the cached counts exist before the write.
    expect((await facet('unknown'))?.count).toBe(NO_PLACE.length);
    await moveOutside('ericsson');
    expect((await facet('outside'))?.count).toBe(1);
    expect((await facet('unknown'))?.count).toBe(NO_PLACE.length - 1);
    expect(await filtered('outside')).toEqual(['ericsson']);
    expect(await filtered('unknown')).toEqual(NO_PLACE.filter((s) => s !== 'ericsson'));
    expect(await filtered('1280')).not.toContain('ericsson');
    expect(await statistic('outside')).toBe(1);
    expect(await statistic('unknown')).toBe(NO_PLACE.length - 1);
    const items = (await api.anonymous.member.directory({ municipality: ['outside'] })).items;
    expect(items.map((i) => [i.slug, i.municipality, i.outsideSkane])).toEqual([
      ['ericsson', null, true],
    ]);
    // The admin list filters the same way (member.admin.list uses the directory query).
    const admin = await api.admin.member.admin.list({ municipality: ['unknown'], limit: 100 });
    expect(admin.items.map((i) => i.slug).sort()).toEqual(NO_PLACE.filter((s) => s !== 'ericsson'));
  });

  it('gives the same counts with SQL when the taxonomy is too big for the index', async () => {
    await moveOutside('sony');
    const fromIndex = (await api.anonymous.member.directory({})).facets.municipality;
    const insert = api.sqlite.prepare(
      "INSERT INTO clusters (slug, name, sort_key, status, created_at, updated_at) VALUES (?, ?, ?, 'draft', 'x', 'x')",
    );
    for (let i = 0; i < 33; i++) insert.run(`extra-${i}`, `Extra ${i}`, `zzz extra ${i}`);
    const services = getServices(api.handle);
    services.cache.invalidate();
    expect(services.directory.index(loadTaxonomy(services.statements, services.cache))).toBeNull();
    const fromSql = (await api.anonymous.member.directory({})).facets.municipality;
    expect(fromSql).toEqual(fromIndex);
    expect(fromSql.find((f) => f.value === 'outside')?.count).toBe(1);
    expect(await statistic('outside')).toBe(1);
    expect(await statistic('unknown')).toBe(NO_PLACE.length - 1);
  });

  it('exports outside_skane and filters the open-data export the same way', async () => {
    await moveOutside('sony');
    const outside = [...exportPublishedMembers(api.sqlite, { municipality: ['outside'] })];
    expect(outside.map((r) => [r.slug, r.municipality_code, r.outside_skane])).toEqual([
      ['sony', null, true],
    ]);
    const unknown = [...exportPublishedMembers(api.sqlite, { municipality: ['unknown'] })];
    expect(unknown.map((r) => r.slug).sort()).toEqual(NO_PLACE.filter((s) => s !== 'sony'));
    expect(unknown.every((r) => r.outside_skane === false && r.municipality_code === null)).toBe(
      true,
    );
  });
});
