import { describe, expect, it } from 'vitest';
import {
  activeFilterCount,
  DEFAULT_COLUMNS,
  DEFAULT_LIST_STATE,
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

  it('round-trips search, filters, sort, page size and cursor', () => {
    const search =
      '?q=bio+tech&status=draft&status=published&area=life-science&cluster=opentech&municipality=1280&municipality=outside&kind=startup&size=10-49&demo=none&sort=newest&limit=50&cursor=abc';
    const state = parse(search);
    expect(state).toMatchObject({
      q: 'bio tech',
      status: ['draft', 'published'],
      area: ['life-science'],
      municipality: ['1280', 'outside'],
      demo: 'none',
      sort: 'newest',
      limit: 50,
      cursor: 'abc',
    });
    expect(listStateToSearch(state)).toBe(search);
    expect(parse(listStateToSearch(state))).toEqual(state);
  });

  it('drops values the API would refuse instead of failing', () => {
    const state = parse(
      '?kind=spaceship&kind=company&status=deleted&municipality=9999&area=Not%20A%20Slug&sort=random&limit=7&demo=maybe',
    );
    expect(state).toEqual({ ...DEFAULT_LIST_STATE, kind: ['company'] });
  });

  it('de-duplicates repeated values', () => {
    expect(parse('?kind=company&kind=company').kind).toEqual(['company']);
  });
});

describe('list state changes', () => {
  it('a changed filter or search goes back to the first page', () => {
    const onPage2 = { ...DEFAULT_LIST_STATE, cursor: 'page-2' };
    expect(toggleFilter(onPage2, 'kind', 'startup')).toMatchObject({
      kind: ['startup'],
      cursor: null,
    });
    expect(updateListState(onPage2, { q: 'x' }).cursor).toBeNull();
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
    expect(listStateToQuery(parse('?q=%20&demo=only&cursor=c1'))).toMatchObject({
      q: undefined,
      demo: true,
      cursor: 'c1',
      limit: 20,
    });
    expect(listStateToQuery(DEFAULT_LIST_STATE).demo).toBeUndefined();
  });
});

describe('publicCsvSearch', () => {
  it('serves only published-only lists, keeping the other filters', () => {
    expect(publicCsvSearch(parse('?status=published&kind=startup&cursor=x'))).toBe('?kind=startup');
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
