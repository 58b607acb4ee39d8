import { describe, expect, it } from 'vitest';
import { listFilterParams, parseListState } from './list-state';
import { EXPORT_FORMATS, exportHref } from './member-export';

const paramsOf = (search: string) => listFilterParams(parseListState(new URLSearchParams(search)));

describe('exportHref', () => {
  it('carries the list’s search, filters and sort, and the format', () => {
    const href = exportHref(
      paramsOf('q=Å%C3%A4k&status=draft&area=tech&area=food&demo=none&sort=changed&order=asc'),
      'xlsx',
    );
    const url = new URL(href, 'http://x');
    expect(url.pathname).toBe('/api/admin/members/export');
    expect(url.searchParams.get('format')).toBe('xlsx');
    expect(url.searchParams.get('q')).toBe('Åäk');
    expect(url.searchParams.getAll('area')).toEqual(['tech', 'food']);
    expect(url.searchParams.get('status')).toBe('draft');
    expect(url.searchParams.get('demo')).toBe('none');
    expect(url.searchParams.get('sort')).toBe('changed');
    expect(url.searchParams.get('order')).toBe('asc');
  });

  it('leaves paging out: the file is every matching row, not the page shown', () => {
    const url = new URL(
      exportHref(paramsOf('status=published&page=4&limit=50'), 'csv'),
      'http://x',
    );
    expect(url.searchParams.has('page')).toBe(false);
    expect(url.searchParams.has('limit')).toBe(false);
    expect(url.searchParams.get('status')).toBe('published');
  });

  it('offers every format the server writes', () => {
    expect([...EXPORT_FORMATS]).toEqual(['csv-excel', 'csv', 'xlsx', 'json']);
  });
});
