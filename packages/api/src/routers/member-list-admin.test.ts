/**
 * The admin's member list over 300 demo members: an organisation number in
 * any spelling finds its member first; every column sorts either way, each
 * checked against an independent reading of the table; numbered pages carry
 * the total and the page count and join up to every member exactly once.
 */
import { MUNICIPALITIES, MEMBER_KINDS, type AdminMemberListQuery } from '@cos/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApi, trpcError, type TestApi } from '../test-support';

let api: TestApi;
beforeAll(() => {
  api = createTestApi({ demo: 300 });
});
afterAll(() => api.cleanup());

type ListInput = Partial<AdminMemberListQuery>;
const list = (input: ListInput) => api.admin.member.admin.list(input);

/** Every member the list shows for a query, page by numbered page. */
async function allPages(input: ListInput) {
  const first = await list({ ...input, page: 1, limit: 100 });
  const rest = await Promise.all(
    Array.from({ length: first.pages - 1 }, (_, i) => list({ ...input, page: i + 2, limit: 100 })),
  );
  return [first, ...rest].flatMap((r) => r.items);
}

interface Row {
  id: number;
  sortKey: string;
  kind: string;
  code: string | null;
  createdAt: string;
  updatedAt: string;
}
const rows = () =>
  api.sqlite
    .prepare(
      'SELECT id, sort_key AS sortKey, kind, municipality_code AS code, created_at AS createdAt, updated_at AS updatedAt FROM members',
    )
    .all() as Row[];

const byName = (a: Row, b: Row) =>
  a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : a.id - b.id;
const municipalityOrder: string[] = [...MUNICIPALITIES]
  .sort((a, b) => a.name.localeCompare(b.name, 'sv'))
  .map((m) => m.code);

describe('searching the admin list by organisation number', () => {
  let target: { id: number; orgnr: string };
  beforeAll(() => {
    target = api.sqlite
      .prepare(
        "SELECT id, organisation_number AS orgnr FROM members WHERE organisation_number IS NOT NULL AND status <> 'published' ORDER BY id LIMIT 1",
      )
      .get() as { id: number; orgnr: string };
  });

  it.each([
    (n: string) => n,
    (n: string) => n.replace('-', ''),
    (n: string) => `16${n}`,
    (n: string) => `16${n.replace('-', '')}`,
    (n: string) => `${n.slice(0, 3)} ${n.slice(3, 6)} ${n.slice(7)}`,
    (n: string) => n.replace('-', '–'),
  ])('finds the member first for spelling %#', async (spell) => {
    const q = spell(target.orgnr);
    const result = await list({ q });
    expect(result.items[0]?.id).toBe(target.id);
    expect(result.items[0]?.organisationNumber).toBe(target.orgnr);
    expect(result.total).toBeGreaterThanOrEqual(1);
    // Sorted by a column, the filter still holds the member.
    const sorted = await list({ q, sort: 'name', page: 1 });
    expect(sorted.items.map((m) => m.id)).toContain(target.id);
  });

  it('finds nothing for a number no member has', async () => {
    const taken = new Set(rows().map((r) => r.id));
    expect(taken.size).toBeGreaterThan(0);
    const result = await list({ q: '999999-9999' });
    expect(result.items.filter((m) => m.organisationNumber === '999999-9999')).toEqual([]);
  });

  it("keeps an editor's scope: another cluster's member is not found by its number", async () => {
    const foreign = api.sqlite
      .prepare(
        `SELECT m.id, m.organisation_number AS orgnr FROM members m
         WHERE m.organisation_number IS NOT NULL
           AND NOT EXISTS (SELECT 1 FROM memberships s WHERE s.member_id = m.id AND s.cluster_id = ?)
         LIMIT 1`,
      )
      .get(api.clusterId('opentech')) as { id: number; orgnr: string };
    const result = await api.editor('opentech').member.admin.list({ q: foreign.orgnr });
    expect(result.items.map((m) => m.id)).not.toContain(foreign.id);
  });
});

describe('sorting the admin list by a column', () => {
  const cases: [AdminMemberListQuery['sort'], 'asc' | 'desc', (a: Row, b: Row) => number][] = [
    ['name', 'asc', byName],
    ['name', 'desc', (a, b) => byName(b, a)],
    [
      'created',
      'desc',
      (a, b) => (a.createdAt === b.createdAt ? b.id - a.id : a.createdAt < b.createdAt ? 1 : -1),
    ],
    [
      'changed',
      'asc',
      (a, b) => (a.updatedAt === b.updatedAt ? a.id - b.id : a.updatedAt < b.updatedAt ? -1 : 1),
    ],
    [
      'kind',
      'asc',
      (a, b) =>
        MEMBER_KINDS.indexOf(a.kind as never) - MEMBER_KINDS.indexOf(b.kind as never) ||
        byName(a, b),
    ],
    [
      'municipality',
      'asc',
      (a, b) =>
        Number(a.code === null) - Number(b.code === null) ||
        municipalityOrder.indexOf(a.code ?? '') - municipalityOrder.indexOf(b.code ?? '') ||
        byName(a, b),
    ],
    [
      'municipality',
      'desc',
      (a, b) =>
        Number(a.code === null) - Number(b.code === null) ||
        municipalityOrder.indexOf(b.code ?? '') - municipalityOrder.indexOf(a.code ?? '') ||
        byName(a, b),
    ],
  ];

  it.each(cases)('sorts by %s %s across every page', async (sort, order, compare) => {
    const listed = await allPages({ sort, order });
    expect(listed.map((m) => m.id)).toEqual([...rows()].sort(compare).map((r) => r.id));
  });

  it('sorts dates newest first and names A–Ö when no direction is given', async () => {
    const created = await list({ sort: 'created', page: 1 });
    expect(created.order).toBe('desc');
    const name = await list({ sort: 'name', page: 1 });
    expect(name.order).toBe('asc');
    const kind = await list({ sort: 'kind' });
    expect(kind.order).toBe('asc');
  });

  it('walks a column sort with the cursor too (the export reads that way)', async () => {
    const pages = [];
    let cursor: string | undefined;
    do {
      const page = await list({ sort: 'municipality', order: 'desc', limit: 100, cursor });
      pages.push(...page.items.map((m) => m.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(pages).toEqual(
      (await allPages({ sort: 'municipality', order: 'desc' })).map((m) => m.id),
    );
  });
});

describe('numbered pages', () => {
  it('gives the total and the page count, and the pages join up exactly once', async () => {
    const total = rows().length;
    const first = await list({ page: 1, limit: 20 });
    expect(first.total).toBe(total);
    expect(first.pages).toBe(Math.ceil(total / 20));
    expect(first.page).toBe(1);
    const third = await list({ page: 3, limit: 20 });
    expect(third.page).toBe(3);
    const all = await allPages({});
    expect(all).toHaveLength(total);
    expect(new Set(all.map((m) => m.id)).size).toBe(total);
    expect(third.items.map((m) => m.id)).toEqual(all.slice(40, 60).map((m) => m.id));
  });

  it('pages a filtered, searched list by relevance', async () => {
    const q = 'tech';
    const first = await list({ q, page: 1, limit: 20 });
    expect(first.sort).toBe('relevance');
    const all = await allPages({ q });
    expect(all).toHaveLength(first.total);
    const second = await list({ q, page: 2, limit: 20 });
    expect(second.items.map((m) => m.id)).toEqual(all.slice(20, 40).map((m) => m.id));
    // The same as walking the relevance cursor.
    const walked = [];
    let cursor: string | undefined;
    do {
      const page = await list({ q, limit: 100, cursor });
      walked.push(...page.items.map((m) => m.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(walked).toEqual(all.map((m) => m.id));
  });

  it('answers a page past the end with no rows and the real total', async () => {
    const result = await list({ page: 999, limit: 100 });
    expect(result.items).toEqual([]);
    expect(result.total).toBe(rows().length);
    expect(result.nextCursor).toBeNull();
  });

  it.each([
    [{ page: 0 }, 'page'],
    [{ page: 1.5 }, 'page'],
    [{ page: 10_001 }, 'page'],
    [{ sort: 'population' }, 'sort'],
    [{ order: 'sideways' }, 'order'],
  ])('refuses %j naming the field', async (input, field) => {
    const error = await trpcError(list(input as never));
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toContain(field);
  });

  it('keeps the public directory to its own sorts', async () => {
    const error = await trpcError(api.anonymous.member.directory({ sort: 'kind' } as never));
    expect(error.code).toBe('BAD_REQUEST');
  });
});
