import { describe, expect, it } from 'vitest';
import {
  activeFilterCount,
  DEFAULT_COLUMNS,
  DEFAULT_LIST_STATE,
  listFilterParams,
  listStateToQuery,
  listStateToSearch,
  parseColumns,
  parseListState,
  publicCsvSearch,
  toggleFilter,
  updateListState,
} from './list-state';

const parse = (search: string) => parseListState(new URLSearchParams(search));

describe('member list state ↔ URL', () => {
  it('an empty URL is the default list, and the default list is an empty URL', () => {
    expect(parse('')).toEqual(DEFAULT_LIST_STATE);
    expect(listStateToSearch(DEFAULT_LIST_STATE)).toBe('');
  });

  it('round-trips search, filters, sort, direction, page size and page', () => {
    const search =
      '?q=bio+tech&status=draft&status=published&area=life-science&cluster=opentech&municipality=1280&municipality=outside&municipality=unknown&kind=startup&size=10-49&demo=none&sort=municipality&order=desc&limit=50&page=3';
    const state = parse(search);
    expect(state).toMatchObject({
      q: 'bio tech',
      status: ['draft', 'published'],
      area: ['life-science'],
      municipality: ['1280', 'outside', 'unknown'],
      demo: 'none',
      sort: 'municipality',
      order: 'desc',
      limit: 50,
      page: 3,
    });
    expect(listStateToSearch(state)).toBe(search);
    expect(parse(listStateToSearch(state))).toEqual(state);
  });

  it('drops values the API would refuse instead of failing', () => {
    const state = parse(
      '?kind=spaceship&kind=company&status=deleted&municipality=9999&area=Not%20A%20Slug&sort=random&order=up&limit=7&demo=maybe&page=0',
    );
    expect(state).toEqual({ ...DEFAULT_LIST_STATE, kind: ['company'] });
  });

  it('de-duplicates repeated values', () => {
    expect(parse('?kind=company&kind=company').kind).toEqual(['company']);
  });
});

describe('list state changes', () => {
  it('a changed filter or search goes back to the first page', () => {
    const onPage2 = { ...DEFAULT_LIST_STATE, page: 2 };
    expect(toggleFilter(onPage2, 'kind', 'startup')).toMatchObject({
      kind: ['startup'],
      page: 1,
    });
    expect(updateListState(onPage2, { q: 'x' }).page).toBe(1);
  });

  it('toggles a value on and off', () => {
    const on = toggleFilter(DEFAULT_LIST_STATE, 'status', 'draft');
    expect(on.status).toEqual(['draft']);
    expect(toggleFilter(on, 'status', 'draft').status).toEqual([]);
  });

  it('counts the filters in use', () => {
    expect(activeFilterCount(DEFAULT_LIST_STATE)).toBe(0);
    expect(activeFilterCount(parse('?kind=company&kind=startup&demo=only&q=x'))).toBe(3);
  });
});

describe('listStateToQuery', () => {
  it('turns the state into the API input', () => {
    expect(listStateToQuery(parse('?q=%20&demo=only&page=4'))).toMatchObject({
      q: undefined,
      demo: true,
      page: 4,
      limit: 20,
    });
    // A direction without a sort means nothing (the server would use the default sort's own).
    expect(listStateToQuery(parse('?order=desc')).order).toBeUndefined();
    expect(listStateToQuery(parse('?sort=kind&order=desc'))).toMatchObject({
      sort: 'kind',
      order: 'desc',
    });
    expect(listStateToQuery(DEFAULT_LIST_STATE).demo).toBeUndefined();
  });
});

describe('publicCsvSearch', () => {
  it('serves only published-only lists, keeping the other filters', () => {
    expect(publicCsvSearch(parse('?status=published&kind=startup&page=3'))).toBe('?kind=startup');
    expect(publicCsvSearch(parse('?status=published'))).toBe('');
    expect(publicCsvSearch(parse('?status=draft'))).toBeNull();
    expect(publicCsvSearch(parse('?status=published&demo=only'))).toBeNull();
  });
});

describe('parseColumns', () => {
  it('reads a stored choice in table order, ignoring unknown names', () => {
    expect(parseColumns('["updated","kind","bogus"]')).toEqual(['kind', 'updated']);
    expect(parseColumns('[]')).toEqual([]);
  });

  it('falls back to the default', () => {
    expect(parseColumns(null)).toEqual([...DEFAULT_COLUMNS]);
    expect(parseColumns('{oops')).toEqual([...DEFAULT_COLUMNS]);
    expect(parseColumns('"status"')).toEqual([...DEFAULT_COLUMNS]);
  });
});

describe('listFilterParams', () => {
  it('gives the search, filters and sort without the page or page size', () => {
    const state = parse('?q=bio&kind=startup&status=draft&sort=kind&order=desc&page=5&limit=50');
    expect(listFilterParams(state).toString()).toBe(
      'q=bio&status=draft&kind=startup&sort=kind&order=desc',
    );
    expect(listFilterParams(DEFAULT_LIST_STATE).toString()).toBe('');
  });
});
