import { describe, expect, it } from 'vitest';
import { ariaSort, effectiveSort, pageNumbers, sortByColumn, toPage } from './list-paging';
import { DEFAULT_LIST_STATE, listStateToSearch, parseListState } from './list-state';
import { counted } from './member-list-labels';

const parse = (search: string) => parseListState(new URLSearchParams(search));

describe('sorting by column header', () => {
  it('the default list is by name, A–Ö; with search text by relevance', () => {
    expect(effectiveSort(DEFAULT_LIST_STATE)).toEqual({ sort: 'name', order: 'asc' });
    expect(ariaSort(DEFAULT_LIST_STATE, 'name')).toBe('ascending');
    expect(ariaSort(DEFAULT_LIST_STATE, 'kind')).toBe('none');
    const searched = parse('?q=tech');
    expect(effectiveSort(searched).sort).toBe('relevance');
    expect(ariaSort(searched, 'name')).toBe('none');
  });

  it('a first click sorts in the natural direction, the next the other way, then back', () => {
    const byMunicipality = sortByColumn(parse('?page=4'), 'municipality');
    expect(listStateToSearch(byMunicipality)).toBe('?sort=municipality');
    expect(ariaSort(byMunicipality, 'municipality')).toBe('ascending');
    const reversed = sortByColumn(byMunicipality, 'municipality');
    expect(listStateToSearch(reversed)).toBe('?sort=municipality&order=desc');
    expect(ariaSort(reversed, 'municipality')).toBe('descending');
    expect(listStateToSearch(sortByColumn(reversed, 'municipality'))).toBe('?sort=municipality');
  });

  it('dates start newest first; "newest" is the created column', () => {
    const created = sortByColumn(DEFAULT_LIST_STATE, 'created');
    expect(ariaSort(created, 'created')).toBe('descending');
    expect(listStateToSearch(sortByColumn(created, 'created'))).toBe('?sort=created&order=asc');
    expect(ariaSort(parse('?sort=newest'), 'created')).toBe('descending');
    expect(ariaSort(sortByColumn(DEFAULT_LIST_STATE, 'updated'), 'updated')).toBe('descending');
  });

  it('a click on the name header of the default list reverses it', () => {
    expect(listStateToSearch(sortByColumn(DEFAULT_LIST_STATE, 'name'))).toBe(
      '?sort=name&order=desc',
    );
  });
});

describe('pages', () => {
  it('shows the ends and two either side, with gaps', () => {
    expect(pageNumbers(7, 42)).toEqual([1, null, 5, 6, 7, 8, 9, null, 42]);
    expect(pageNumbers(1, 1)).toEqual([1]);
    expect(pageNumbers(1, 5)).toEqual([1, 2, 3, 4, 5]);
    expect(pageNumbers(1, 42)).toEqual([1, 2, 3, null, 42]);
    expect(pageNumbers(42, 42)).toEqual([1, null, 40, 41, 42]);
    // A gap of one page shows the page.
    expect(pageNumbers(5, 10)).toEqual([1, 2, 3, 4, 5, 6, 7, null, 10]);
  });

  it('moves to a page within bounds, keeping everything else', () => {
    const state = parse('?kind=startup&sort=kind');
    expect(listStateToSearch(toPage(state, 3))).toBe('?kind=startup&sort=kind&page=3');
    expect(toPage(state, 0).page).toBe(1);
    expect(listStateToSearch(toPage(state, 1))).toBe('?kind=startup&sort=kind');
  });
});

describe('counted words', () => {
  it('agrees with the count in Swedish and English', () => {
    expect(counted('sv', 'members.selected', 1)).toBe('1 vald');
    expect(counted('sv', 'members.selected', 2)).toBe('2 valda');
    expect(counted('en', 'members.selected', 1)).toBe('1 selected');
    expect(counted('sv', 'members.hits', 1)).toBe('1 träff');
    expect(counted('sv', 'members.hits', 1234)).toBe('1\u00a0234 träffar');
    expect(counted('en', 'members.count', 3)).toBe('3 members');
    expect(counted('sv', 'members.count', 0)).toBe('0 medlemmar');
  });
});
