import { describe, expect, it } from 'vitest';
import { applySimpleList, foldText, parseSimpleListState, simpleListToSearch } from './simple-list';

const SORTS = ['name', 'updated'];

describe('simple list state', () => {
  it('round-trips through the URL, leaving defaults out', () => {
    const state = parseSimpleListState(
      new URLSearchParams('q=malmö&status=draft&sort=updated&page=2'),
      SORTS,
    );
    expect(state).toEqual({ q: 'malmö', status: 'draft', sort: 'updated', page: 2 });
    expect(simpleListToSearch(state, SORTS)).toBe('?q=malm%C3%B6&status=draft&sort=updated&page=2');
    expect(simpleListToSearch({ q: '', status: null, sort: 'name', page: 1 }, SORTS)).toBe('');
  });

  it('ignores values it does not know', () => {
    expect(parseSimpleListState(new URLSearchParams('status=gone&sort=x&page=-3'), SORTS)).toEqual({
      q: '',
      status: null,
      sort: 'name',
      page: 1,
    });
  });
});

describe('applySimpleList', () => {
  const items = [
    { name: 'Örebro Tech', status: 'draft', n: 2 },
    { name: 'Malmö Mat', status: 'published', n: 1 },
    { name: 'Lund Life', status: 'published', n: 3 },
  ];
  const spec = {
    text: (i: (typeof items)[number]) => i.name,
    status: (i: (typeof items)[number]) => i.status,
    sorts: {
      name: (a: (typeof items)[number], b: (typeof items)[number]) =>
        a.name.localeCompare(b.name, 'sv'),
      updated: (a: (typeof items)[number], b: (typeof items)[number]) => b.n - a.n,
    },
  };

  it('searches without caring for accents or case, filters and sorts', () => {
    expect(
      applySimpleList(items, { q: 'MALMO', status: null, sort: 'name', page: 1 }, spec).rows,
    ).toEqual([items[1]]);
    expect(
      applySimpleList(
        items,
        { q: '', status: 'published', sort: 'updated', page: 1 },
        spec,
      ).rows.map((i) => i.n),
    ).toEqual([3, 1]);
    expect(
      applySimpleList(items, { q: '', status: null, sort: 'name', page: 1 }, spec).rows.map(
        (i) => i.name,
      ),
    ).toEqual(['Lund Life', 'Malmö Mat', 'Örebro Tech']);
  });

  it('pages, clamping a page past the end', () => {
    const many = Array.from({ length: 120 }, (_, i) => ({ name: `n${i}`, status: 'draft', n: i }));
    const result = applySimpleList(many, { q: '', status: null, sort: 'updated', page: 9 }, spec);
    expect(result).toMatchObject({ total: 120, pages: 3 });
    expect(result.rows).toHaveLength(20);
  });

  it('folds text', () => {
    expect(foldText('Åhus Ängelholm')).toBe('ahus angelholm');
  });
});
