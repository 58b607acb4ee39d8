/**
 * The public member directory over ~300 demo members (seed 7): filters,
 * disjunctive facets, full-text search, sorting and keyset pagination.
 * The oracle is the full unfiltered listing, filtered here in plain code.
 */
import { openDatabase } from '@cos/db';
import { placeKey, type MemberDirectoryQueryInput, type MemberFilterKey } from '@cos/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  allDirectoryPages,
  blamedFields,
  createTestApi,
  trpcError,
  type DirectoryItem,
  type TestApi,
} from '../test-support';
import { createContextInner } from '../context';
import { createCaller } from '../root';

const FILTER_KEYS: MemberFilterKey[] = ['area', 'cluster', 'municipality', 'kind', 'size'];

/** Lower case without accents, as the search index folds text. */
const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
const tokens = (text: string) => fold(text).match(/[\p{L}\p{N}]+/gu) ?? [];

type Filters = Partial<Record<MemberFilterKey, string[]>>;

function matches(item: DirectoryItem, filters: Filters): boolean {
  const has = (values: string[] | undefined, actual: string[]) =>
    !values || values.length === 0 || values.some((v) => actual.includes(v));
  return (
    has(
      filters.area,
      item.areas.map((a) => a.slug),
    ) &&
    has(
      filters.cluster,
      item.clusters.map((c) => c.slug),
    ) &&
    // No municipality is 'outside' only when the member is marked so; otherwise 'unknown'.
    has(filters.municipality, [placeKey(item.municipality?.code ?? null, item.outsideSkane)]) &&
    has(filters.kind, [item.kind]) &&
    has(filters.size, item.sizeBand ? [item.sizeBand] : [])
  );
}

const slugs = (items: DirectoryItem[]) => items.map((i) => i.slug).sort();

describe('member directory with 300 demo members', () => {
  let api: TestApi;
  let everyone: DirectoryItem[];
  let shortNames: Map<string, string>;

  beforeAll(async () => {
    api = createTestApi({ demo: 300, demoSeed: 7 });
    everyone = (await allDirectoryPages(api.anonymous, { limit: 100 })).items;
    shortNames = new Map((await api.anonymous.cluster.list()).map((c) => [c.slug, c.shortName]));
  });
  afterAll(() => api.cleanup());

  it('lists every published member exactly once', () => {
    const published = api.sqlite
      .prepare("SELECT slug FROM members WHERE status = 'published' ORDER BY slug")
      .pluck()
      .all() as string[];
    expect(published.length).toBeGreaterThan(250);
    expect(slugs(everyone)).toEqual(published);
  });

  describe('filters: OR within a filter, AND across filters', () => {
    const cases: Filters[] = [
      { area: ['tech'] },
      { area: ['tech', 'livsmedel'] },
      { cluster: ['opentech', 'packbridge'] },
      { municipality: ['1280'] },
      { municipality: ['outside'] },
      { municipality: ['unknown'] },
      { municipality: ['outside', 'unknown'] },
      { municipality: ['1280', '1281', 'outside'] },
      { municipality: ['1280', 'unknown'] },
      { kind: ['company', 'startup'] },
      { size: ['1-9', '250+'] },
      { area: ['tech', 'life-science-halsa'], kind: ['company', 'startup'] },
      {
        area: ['livsmedel'],
        cluster: ['packbridge', 'livsmedelsakademin'],
        municipality: ['1280', '1281'],
        size: ['1-9'],
      },
      { kind: ['academia'], municipality: ['outside', '1281'] },
    ];
    it.each(cases)('%j', async (filters) => {
      const expected = everyone.filter((m) => matches(m, filters));
      expect(expected.length).toBeGreaterThan(0);
      const result = await allDirectoryPages(api.anonymous, { ...filters, limit: 13 });
      expect(result.total).toBe(expected.length);
      expect(slugs(result.items)).toEqual(slugs(expected));
    });

    it('more values in one filter never give fewer members; another filter never gives more', async () => {
      const tech = (await api.anonymous.member.directory({ area: 'tech' })).total;
      const food = (await api.anonymous.member.directory({ area: 'livsmedel' })).total;
      const both = (await api.anonymous.member.directory({ area: ['tech', 'livsmedel'] })).total;
      const techCompanies = (
        await api.anonymous.member.directory({ area: 'tech', kind: 'company' })
      ).total;
      expect(both).toBeGreaterThan(Math.max(tech, food));
      expect(techCompanies).toBeLessThan(tech);
      expect(techCompanies).toBeGreaterThan(0);
    });
  });

  describe('facet counts are what ticking that value would give', () => {
    const bases: MemberDirectoryQueryInput[] = [
      {},
      { area: ['tech'], kind: ['company'] },
      { q: 'malmo', size: ['1-9', '10-49'] },
      { municipality: ['outside', '1280'], cluster: ['packbridge'], kind: ['company', 'startup'] },
      { municipality: ['unknown'], kind: ['company'] },
    ];
    it.each(bases)('base %j', async (base) => {
      const result = await api.anonymous.member.directory(base);
      for (const key of FILTER_KEYS) {
        const values = result.facets[key];
        expect(values.length).toBeGreaterThan(0);
        for (const { value, count } of values) {
          // Disjunctive: this filter's own selection is replaced, the others stay.
          const ticked = await api.anonymous.member.directory({
            ...base,
            [key]: [value],
            limit: 1,
          });
          expect(count, `${key}=${value}`).toBe(ticked.total);
        }
      }
      // Without search text the facet counts can also be checked against the plain listing.
      if (base.q === undefined) {
        const filters = base as Filters;
        for (const key of FILTER_KEYS) {
          for (const { value, count } of result.facets[key]) {
            const expected = everyone.filter((m) =>
              matches(m, { ...filters, [key]: [value] }),
            ).length;
            expect(count, `${key}=${value}`).toBe(expected);
          }
        }
      }
    });

    it("a filter's own facet ignores its own selection", async () => {
      const all = await api.anonymous.member.directory({});
      const tech = await api.anonymous.member.directory({ area: 'tech' });
      expect(tech.facets.area).toEqual(all.facets.area);
      expect(tech.facets.kind).not.toEqual(all.facets.kind);
      const totalByKind = tech.facets.kind.reduce((s, f) => s + f.count, 0);
      expect(totalByKind).toBe(tech.total);
    });
  });

  describe('search', () => {
    /**
     * Members the search finds for one word: a word equal to it (or, for the
     * last word, starting with it) in any field the index covers; or, from
     * four letters, a word of the name or description that contains it (a
     * compound part: "pack" in "Söderpack"). These words have no Snowball
     * ending, so their stems add nothing here.
     */
    const expectedHits = (term: string, whole = false) =>
      everyone.filter((m) => {
        const word = fold(term);
        const own = [m.name, m.description.sv, m.description.en].flatMap(tokens);
        const linked = [
          ...m.areas.flatMap((a) => [a.name.sv, a.name.en]),
          ...m.clusters.flatMap((c) => [c.name, shortNames.get(c.slug) ?? '']),
        ].flatMap(tokens);
        return (
          [...own, ...linked].some((t) => (whole ? t === word : t.startsWith(word))) ||
          (word.length >= 4 && own.some((t) => t.includes(word)))
        );
      });

    it("'malmo' finds Malmö, and Malmö, MALMÖ and malmo are the same search", async () => {
      const malmo = await allDirectoryPages(api.anonymous, { q: 'malmo' });
      expect(malmo.items.map((m) => m.slug)).toContain('malmo-universitet');
      expect(slugs(malmo.items)).toEqual(slugs(expectedHits('malmo')));
      for (const q of ['Malmö', 'MALMÖ', 'malmö']) {
        const other = await allDirectoryPages(api.anonymous, { q });
        expect(slugs(other.items), q).toEqual(slugs(malmo.items));
      }
    });

    it("'pack' is a prefix search and finds Förpackning/Packaging/Packbridge", async () => {
      const pack = await allDirectoryPages(api.anonymous, { q: 'pack' });
      expect(pack.total).toBeGreaterThan(3);
      expect(pack.items.map((m) => m.slug)).toEqual(
        expect.arrayContaining(['flextrus', 'nordvalls', 'ar-carton']),
      );
      expect(slugs(pack.items)).toEqual(slugs(expectedHits('pack')));
      // A word inside a compound is found too, after the whole words and prefixes.
      const bridge = await allDirectoryPages(api.anonymous, { q: 'bridge' });
      const inPackbridge = everyone
        .filter((m) => (tokens(`${m.name} ${m.description.sv}`) as string[]).includes('packbridge'))
        .map((m) => m.slug);
      expect(inPackbridge.length).toBeGreaterThan(0);
      expect(bridge.items.map((m) => m.slug)).toEqual(expect.arrayContaining(inPackbridge));
      expect(slugs(bridge.items)).toEqual(slugs(expectedHits('bridge')));
    });

    it('accents and case do not matter', async () => {
      const withAccent = await api.anonymous.member.directory({ q: 'förpackningsföretag' });
      const without = await api.anonymous.member.directory({ q: 'FORPACKNINGSFORETAG' });
      // The whole word first, then the compound that holds it ("kartongförpackningsföretag").
      expect(withAccent.items.map((m) => m.slug)).toEqual(['flextrus', 'nordvalls', 'ar-carton']);
      expect(slugs(without.items)).toEqual(slugs(withAccent.items));
      expect(slugs((await api.anonymous.member.directory({ q: 'skane region' })).items)).toContain(
        'region-skane',
      );
    });

    it('several words must all match, and only the last is a prefix', async () => {
      const both = await allDirectoryPages(api.anonymous, { q: 'malmo pack' });
      const expected = expectedHits('malmo', true).filter((m) => expectedHits('pack').includes(m));
      expect(slugs(both.items)).toEqual(slugs(expected));
      expect(both.total).toBeLessThan((await api.anonymous.member.directory({ q: 'pack' })).total);
    });

    it('very common words and typed operators do not narrow or flood a search', async () => {
      const alone = (await api.anonymous.member.directory({ q: 'pack' })).total;
      expect(alone).toBeGreaterThan(0);
      for (const q of ['pack och', 'AB pack', 'pack AND', 'OR pack']) {
        expect((await api.anonymous.member.directory({ q })).total, q).toBe(alone);
      }
    });

    it('text that is only punctuation finds nothing and does not fail', async () => {
      const result = await api.anonymous.member.directory({ q: '"*()^:-' });
      expect(result.total).toBe(0);
      expect(result.items).toEqual([]);
    });

    it('search combines with filters', async () => {
      const result = await allDirectoryPages(api.anonymous, {
        q: 'malmo',
        kind: 'company',
        limit: 5,
      });
      const expected = expectedHits('malmo').filter((m) => m.kind === 'company');
      expect(slugs(result.items)).toEqual(slugs(expected));
      expect(result.pages).toBeGreaterThan(1);
    });
  });

  describe('sorting and keyset pagination', () => {
    const swedish = new Intl.Collator('sv');

    it('sort name is Swedish alphabetical order (Å Ä Ö after Z)', async () => {
      const { items } = await allDirectoryPages(api.anonymous, { sort: 'name', limit: 100 });
      const names = items.map((m) => m.name);
      expect(names).toEqual([...names].sort(swedish.compare));
      const firstÅ = names.findIndex((n) => n.startsWith('Å'));
      const firstÖ = names.findIndex((n) => n.startsWith('Ö'));
      const lastLatin = names.findLastIndex((n) => /^[A-Z]/i.test(n));
      expect(firstÅ).toBeGreaterThan(lastLatin);
      expect(firstÖ).toBeGreaterThan(firstÅ);
    });

    it('sort newest orders by creation time, newest first', async () => {
      const { items } = await allDirectoryPages(api.anonymous, { sort: 'newest', limit: 30 });
      const createdAt = api.sqlite.prepare('SELECT created_at FROM members WHERE slug = ?').pluck();
      const times = items.map((m) => createdAt.get(m.slug) as string);
      expect(times).toEqual([...times].sort().reverse());
      expect(new Set(times).size).toBeGreaterThan(100);
    });

    it.each([
      { sort: 'name' as const },
      { sort: 'newest' as const },
      { q: 'malmo' },
      { q: 'tech', sort: 'relevance' as const },
      { area: ['tech'], sort: 'newest' as const },
    ])('%j: small pages join up to the whole list with no gaps or repeats', async (input) => {
      const small = await allDirectoryPages(api.anonymous, { ...input, limit: 7 });
      const large = await allDirectoryPages(api.anonymous, { ...input, limit: 100 });
      const seen = small.items.map((m) => m.slug);
      expect(new Set(seen).size).toBe(seen.length);
      expect(seen).toHaveLength(small.total);
      expect(small.pages).toBe(Math.ceil(small.total / 7));
      expect(seen).toEqual(large.items.map((m) => m.slug));
    });

    it('relevance puts name hits first; without search text it falls back to name', async () => {
      const plain = await api.anonymous.member.directory({ sort: 'relevance' });
      expect(plain.sort).toBe('name');
      const searched = await api.anonymous.member.directory({ q: 'malmo' });
      expect(searched.sort).toBe('relevance');
      // Every member named Malmö… comes before every member that only mentions Malmö.
      const { items } = await allDirectoryPages(api.anonymous, { q: 'malmo', limit: 100 });
      const inName = items.map((m) => tokens(m.name).some((t) => t.startsWith('malmo')));
      expect(inName.some(Boolean) && inName.some((x) => !x)).toBe(true);
      expect(inName.lastIndexOf(true)).toBeLessThan(inName.indexOf(false));
    });

    it('limit 100 is allowed; 101 is BAD_REQUEST naming limit', async () => {
      expect((await api.anonymous.member.directory({ limit: 100 })).items).toHaveLength(100);
      const error = await trpcError(api.anonymous.member.directory({ limit: 101 }));
      expect(error.code).toBe('BAD_REQUEST');
      expect(blamedFields(error)).toEqual(['limit']);
    });

    it('a bad cursor, or one from another sort, is BAD_REQUEST naming cursor', async () => {
      const page = await api.anonymous.member.directory({ sort: 'name', limit: 5 });
      expect(page.nextCursor).not.toBeNull();
      for (const input of [
        { cursor: 'not-a-cursor' },
        { cursor: Buffer.from('{"s":"name","k":"a","id":1.5}').toString('base64url') },
        { cursor: Buffer.from('null').toString('base64url') },
        { cursor: page.nextCursor ?? '', sort: 'newest' as const },
      ]) {
        const error = await trpcError(api.anonymous.member.directory(input));
        expect(error.code, JSON.stringify(input)).toBe('BAD_REQUEST');
        expect(blamedFields(error)).toEqual(['cursor']);
      }
    });
  });
});

describe('search ranking and Swedish order on hand-made members', () => {
  let api: TestApi;
  beforeAll(() => {
    api = createTestApi();
  });
  afterAll(() => api.cleanup());

  it('a name match ranks above a description-only match', async () => {
    // The description-only member is created first, so an id tie-break would put it first.
    for (const [name, sv] of [
      ['Annat Bolag AB', 'Vi säljer zyxwidget till hela Skåne.'],
      ['Zyxwidget AB', 'Ett bolag.'],
    ] as const) {
      await api.admin.member.admin.create({
        name,
        kind: 'company',
        status: 'published',
        description: { sv, en: '' },
      });
    }
    for (const q of ['zyxwidget', 'ZYXWID']) {
      const result = await api.anonymous.member.directory({ q });
      expect(
        result.items.map((m) => m.slug),
        q,
      ).toEqual(['zyxwidget-ab', 'annat-bolag-ab']);
    }
  });

  it('names sort as in Swedish: E with É, then Z, Å, Ä, Ö', async () => {
    const names = ['Öl AB', 'Ängel AB', 'Zebra AB', 'Åkerö AB', 'Émile AB', 'Ebbe AB', 'Eva AB'];
    for (const name of names)
      await api.admin.member.admin.create({ name, kind: 'company', status: 'published' });
    const { items } = await allDirectoryPages(api.anonymous, { sort: 'name', limit: 3 });
    const order = items.map((m) => m.name).filter((n) => names.includes(n));
    expect(order).toEqual([
      'Ebbe AB',
      'Émile AB',
      'Eva AB',
      'Zebra AB',
      'Åkerö AB',
      'Ängel AB',
      'Öl AB',
    ]);
    const all = items.map((m) => m.name);
    expect(all.indexOf('ÅR Carton')).toBe(all.indexOf('Åkerö AB') + 1);
  });
});

describe('cached counts and another connection', () => {
  let api: TestApi;
  beforeAll(() => {
    api = createTestApi();
  });
  afterAll(() => api.cleanup());

  it('a change committed through another connection (the CLI, an import) shows at once', async () => {
    const first = await api.anonymous.member.directory({ kind: 'company' });
    const other = openDatabase({ url: api.handle.path });
    try {
      const otherAdmin = createCaller(createContextInner({ handle: other, user: api.adminUser }));
      await otherAdmin.member.admin.create({
        name: 'Annan Process AB',
        kind: 'company',
        status: 'published',
      });
    } finally {
      other.close();
    }
    const second = await api.anonymous.member.directory({ kind: 'company' });
    expect(second.total).toBe(first.total + 1);
    expect(second.facets.kind.find((f) => f.value === 'company')?.count).toBe(first.total + 1);
    expect((await api.anonymous.statistics.overview()).totalMembers).toBe(
      second.facets.kind.reduce((s, f) => s + f.count, 0),
    );
    expect((await api.anonymous.member.bySlug({ slug: 'annan-process-ab' })).name).toBe(
      'Annan Process AB',
    );
  });
});
